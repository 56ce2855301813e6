// Runtime-neutral driver for the shared vectors (tests/vectors/): turns the vector files into a
// flat list of cases, checks an envelope against a case, and runs a list of cases through any
// `call(op, inputJson)` function. Node, Deno, workerd and the browser all use this file, so it
// must not import anything (no `node:` modules, no npm packages): the runtime-specific loaders
// read the files and pass them in.
//
// A case is {id, op, inputJson, expected, skipReason, problem}:
//   id          '<area>/<topic>/<name>' (the file path without '.json', plus the vector name)
//   op          the operation name passed to callJson
//   inputJson   the input document as text, exactly as the driver must pass it
//   expected    the vector's expectation ({ok: true, value} or {ok: false, error: {code, path}})
//   skipReason  the reason from skips.json when this target skips the case, else null
//   problem     null, or why the vector set itself is broken (bad skip entry, missing fixture,
//               duplicate name). Such a case fails without calling the op: drivers that do not
//               use runVectors must check `problem` (checkCase returns it) before calling.

/** Compares strings by Unicode code point, which is the byte order of their UTF-8 encoding:
 *  the C++ core sorts keys as UTF-8 std::strings, while JS `<` compares UTF-16 code units
 *  (the two disagree only for characters above U+FFFF against U+E000..U+FFFF). */
function compareCodePoints(a, b) {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const cx = x.value.codePointAt(0);
    const cy = y.value.codePointAt(0);
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Returns a copy of a parsed JSON value whose object keys are inserted in sorted order, so that
 *  JSON.stringify of it is the canonical form (keys sorted, compact). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted = {};
  for (const key of Object.keys(value).sort(compareCodePoints)) sorted[key] = sortKeys(value[key]);
  return sorted;
}

/** Canonical text of a parsed JSON value: compact, object keys sorted by code point. */
export function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}

/** Builds the input document of one vector (see tests/vectors/README.md). Throws on a missing
 *  fixture so that expandVectors can report it as a broken case. */
function buildInput(input, fixtures) {
  const keys = Object.keys(input ?? {});
  // Raw text is passed through untouched: malformed JSON, depth and number spelling matter.
  if (keys.length === 1 && keys[0] === 'input_text') return input.input_text;
  if (input.snapshot_file !== undefined) {
    const fixture = fixtures[input.snapshot_file];
    if (fixture === undefined) throw new Error(`unknown snapshot_file ${input.snapshot_file}`);
    // Rebuild the object so that `snapshot` takes the place of `snapshot_file` in key order.
    const copy = {};
    for (const key of keys) {
      if (key === 'snapshot_file') copy.snapshot = fixture;
      else copy[key] = input[key];
    }
    input = copy;
  }
  // JSON.stringify loses nothing: money is strings, and a JSON number (the experiments ops) comes
  // back as the same double it parsed to. Vectors that need exact number text use input_text.
  return JSON.stringify(input);
}

/**
 * Expands the vector files into a flat list of cases for one target.
 * @param {object} args
 * @param {{path: string, json: object}[]} args.files every vector file (path relative to
 *   tests/vectors, e.g. 'money/parse.json'), without fixtures/ and skips.json
 * @param {Record<string, object>} args.fixtures fixture snapshots keyed by path relative to
 *   tests/vectors, e.g. 'fixtures/basic_shop.json'
 * @param {{skips: {target: string, id: string, reason: string}[]}} args.skips skips.json
 * @param {string} args.target this driver's target name ('node', 'deno', 'workerd', 'browser'…)
 * @returns {object[]} cases sorted by id, followed by one failing case per broken skip entry
 */
export function expandVectors({ files, fixtures = {}, skips = { skips: [] }, target }) {
  const cases = [];
  const seen = new Set();
  const broken = (id, problem) =>
    cases.push({ id, op: null, inputJson: null, expected: null, skipReason: null, problem });

  for (const file of [...files].sort((a, b) => compareCodePoints(a.path, b.path))) {
    const prefix = file.path.replace(/\.json$/, '');
    const vectors = file.json?.vectors;
    if (!Array.isArray(vectors)) {
      broken(prefix, `${file.path} has no "vectors" array`);
      continue;
    }
    for (const vector of vectors) {
      const id = `${prefix}/${vector.name}`;
      if (seen.has(id)) {
        broken(id, `duplicate vector name in ${file.path}`);
        continue;
      }
      seen.add(id);
      let inputJson;
      try {
        inputJson = buildInput(vector.input, fixtures);
      } catch (e) {
        broken(id, e.message);
        continue;
      }
      cases.push({ id, op: vector.op, inputJson, expected: vector.expected, skipReason: null, problem: null });
    }
  }

  // Skip entries are checked for every target, not just ours: a stale entry is a bug wherever
  // it lives, and each driver reporting it keeps the list honest.
  const byId = new Map(cases.filter((c) => !c.problem).map((c) => [c.id, c]));
  const entries = Array.isArray(skips?.skips) ? skips.skips : null;
  if (!entries) broken('skips.json', 'skips.json must be {"skips": [...]}');
  const skipKeys = new Set();
  for (const [index, entry] of (entries ?? []).entries()) {
    const where = `skips.json#${index}`;
    const key = `${entry?.target}\u0000${entry?.id}`;
    if (typeof entry?.target !== 'string' || entry.target === '') broken(where, 'skip entry without a target');
    else if (!byId.has(entry.id)) broken(where, `skip entry names no vector: ${JSON.stringify(entry.id)}`);
    else if (typeof entry.reason !== 'string' || entry.reason.trim() === '') broken(where, `skip of ${entry.id} has no reason`);
    else if (skipKeys.has(key)) broken(where, `duplicate skip entry for ${entry.target} ${entry.id}`);
    else {
      skipKeys.add(key);
      if (entry.target === target) byId.get(entry.id).skipReason = entry.reason;
    }
  }
  return cases;
}

/** The text with every JSON number spelt as JavaScript spells it. The core writes doubles in
 *  nlohmann's shortest round-trip form ("5e-06", where JavaScript writes "0.000005"): the same
 *  double, another spelling. Strings are matched whole first, so digits inside them stay. */
function respellNumbers(text) {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : JSON.stringify(Number(token)),
  );
}

/**
 * Checks the envelope text an op returned against a case.
 * @returns {string|null} null when the case passes, otherwise a description of the mismatch
 */
// Issue messages, like error messages, are for humans and may improve: issues are compared by
// code and path (the message must merely say something).
function withoutIssueMessages(envelope) {
  const issues = envelope?.value?.issues;
  if (!Array.isArray(issues)) return envelope;
  return { ...envelope, value: { ...envelope.value, issues: issues.map(({ message, ...rest }) => rest) } };
}

export function checkCase(testCase, envelopeText) {
  if (testCase.problem) return testCase.problem;
  if (typeof envelopeText !== 'string') return `call returned ${typeof envelopeText}, not a string`;
  let actual;
  try {
    actual = JSON.parse(envelopeText);
  } catch (e) {
    return `envelope is not JSON (${e.message}): ${envelopeText.slice(0, 200)}`;
  }
  const expected = testCase.expected;
  if (expected?.ok === true) {
    // Every target must emit identical bytes, so the text itself must already be canonical: keys
    // sorted, compact. Numbers are compared by value (respellNumbers); the native driver holds
    // their spelling.
    const text = canonicalJson(actual);
    if (respellNumbers(envelopeText) !== text) {
      return `envelope is not canonical:\n  text      ${envelopeText}\n  canonical ${text}`;
    }
    const unsaid = actual?.value?.issues?.find?.((issue) => typeof issue.message !== 'string' || issue.message === '');
    if (unsaid) return `issue without a message: ${JSON.stringify(unsaid)}`;
    const want = canonicalJson(withoutIssueMessages(expected));
    const got = canonicalJson(withoutIssueMessages(actual));
    if (got !== want) return `expected ${want}\n     got ${envelopeText}`;
    return null;
  }
  if (expected?.ok === false) {
    const want = { code: expected.error?.code, path: expected.error?.path };
    const error = actual?.error;
    if (actual?.ok !== false || error === null || typeof error !== 'object') {
      return `expected error ${JSON.stringify(want)}\n     got ${envelopeText}`;
    }
    if (error.code !== want.code || error.path !== want.path) {
      return `expected error ${JSON.stringify(want)}\n     got ${JSON.stringify({ code: error.code, path: error.path })} (${envelopeText})`;
    }
    if (typeof error.message !== 'string' || error.message === '') return `error without a message: ${envelopeText}`;
    return null;
  }
  return `vector has no valid expectation: ${JSON.stringify(expected)}`;
}

/**
 * Runs every case through `call(op, inputJson) -> envelopeText` (sync or async).
 * A thrown exception counts as a failure of that case, not of the run.
 * @returns {Promise<{passed: number, failed: number, skipped: number,
 *   failures: {id: string, problem: string}[]}>}
 */
export async function runVectors({ cases, call }) {
  const result = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const testCase of cases) {
    if (testCase.skipReason !== null && !testCase.problem) {
      result.skipped += 1;
      continue;
    }
    let problem = testCase.problem;
    if (!problem) {
      try {
        problem = checkCase(testCase, await call(testCase.op, testCase.inputJson));
      } catch (e) {
        problem = `call threw: ${e?.stack ?? e}`;
      }
    }
    if (problem) {
      result.failed += 1;
      result.failures.push({ id: testCase.id, problem });
    } else {
      result.passed += 1;
    }
  }
  return result;
}
