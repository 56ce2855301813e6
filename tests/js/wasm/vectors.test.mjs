// Runs every shared vector (tests/vectors/) through the wasm package's callJson, one subtest per
// vector, with the same runtime-neutral driver the Deno, workerd and browser targets use.
//
//   STOREFRONT_PACKAGE_DIR=$PWD/build/wasm-release/package node --test tests/js/wasm/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadVectors } from '../lib/load-vectors.node.mjs';
import { canonicalJson, checkCase, expandVectors, runVectors } from '../lib/vectors.mjs';
import { MISSING_PACKAGE, importPackage } from './package.mjs';

const TARGET = 'node';
const cases = expandVectors({ ...loadVectors(), target: TARGET });

describe('shared vectors on wasm (node)', { skip: MISSING_PACKAGE ?? false }, () => {
  let core;
  test('load the core', async () => {
    // The loaded Core's callJson is synchronous: no await per vector, and the default loading
    // path (storefront_core.wasm read from next to index.js) is the one exercised.
    core = await (await importPackage()).loadCore();
  });
  for (const c of cases) {
    test(c.id, { skip: c.problem ? false : (c.skipReason ?? false) }, () => {
      if (c.problem) assert.fail(c.problem);
      assert.ok(core, 'the core did not load');
      const problem = checkCase(c, core.callJson(c.op, c.inputJson));
      if (problem) assert.fail(`${c.op} ${c.inputJson}\n${problem}`);
    });
  }
});

// The driver itself: a broken skip list or a lenient comparison would let failures through on
// every target at once, so its own rules are pinned here (no wasm needed).
describe('vector driver', () => {
  const files = [
    {
      path: 'money/demo.json',
      json: {
        vectors: [
          { name: 'ok', op: 'x', input: { a: '1' }, expected: { ok: true, value: { b: 1, a: [2, { d: 1, c: 0 }] } } },
          { name: 'err', op: 'x', input: { input_text: '{ "a":1.50 }' }, expected: { ok: false, error: { code: 'bad', path: '/a' } } },
          { name: 'fix', op: 'x', input: { snapshot_file: 'fixtures/s.json', cart: {} }, expected: { ok: true, value: {} } },
        ],
      },
    },
  ];
  const fixtures = { 'fixtures/s.json': { schema_version: 1 } };
  const expand = (skips) => expandVectors({ files, fixtures, skips: { skips }, target: 'node' });

  test('builds ids and inputs', () => {
    const [ok, err, fix] = expand([]);
    assert.equal(ok.id, 'money/demo/ok');
    assert.equal(err.inputJson, '{ "a":1.50 }', 'input_text is passed verbatim');
    assert.equal(fix.inputJson, '{"snapshot":{"schema_version":1},"cart":{}}');
  });

  test('skips apply to their target only', () => {
    const reason = 'a reason';
    assert.equal(expand([{ target: 'node', id: 'money/demo/ok', reason }])[0].skipReason, reason);
    assert.equal(expand([{ target: 'deno', id: 'money/demo/ok', reason }])[0].skipReason, null);
  });

  test('a stale, unexplained, duplicate or malformed skip entry is a failing case', () => {
    const bad = [
      { target: 'node', id: 'money/demo/nope', reason: 'r' },
      { target: 'node', id: 'money/demo/ok', reason: ' ' },
      { target: 'deno', id: 'money/demo/ok', reason: 'r' },
      { target: 'deno', id: 'money/demo/ok', reason: 'r' },
      { id: 'money/demo/ok', reason: 'r' },
    ];
    const problems = expand(bad).filter((c) => c.problem);
    assert.deepEqual(problems.map((c) => c.id), ['skips.json#0', 'skips.json#1', 'skips.json#3', 'skips.json#4']);
    assert.ok(problems.every((c) => checkCase(c, '{}') === c.problem));
  });

  test('a missing fixture is a failing case', () => {
    const c = expandVectors({ files, fixtures: {}, target: 'node' }).find((x) => x.id === 'money/demo/fix');
    assert.match(c.problem, /fixtures\/s\.json/);
  });

  test('success compares canonical values and requires canonical text', () => {
    const [ok] = expand([]);
    assert.equal(checkCase(ok, '{"ok":true,"value":{"a":[2,{"c":0,"d":1}],"b":1}}'), null);
    assert.match(checkCase(ok, '{"value":{"a":[2,{"c":0,"d":1}],"b":1},"ok":true}'), /not canonical/);
    assert.match(checkCase(ok, '{"ok":true, "value":{"a":[2,{"c":0,"d":1}],"b":1}}'), /not canonical/);
    assert.match(checkCase(ok, '{"ok":true,"value":{"a":[{"c":0,"d":1},2],"b":1}}'), /expected/);
    assert.match(checkCase(ok, 'nope'), /not JSON/);
  });

  test('errors compare code and path and need a message', () => {
    const [, err] = expand([]);
    assert.equal(checkCase(err, '{"error":{"code":"bad","message":"m","path":"/a"},"ok":false}'), null);
    assert.match(checkCase(err, '{"error":{"code":"bad","message":"m","path":""},"ok":false}'), /expected error/);
    assert.match(checkCase(err, '{"error":{"code":"bad","message":"","path":"/a"},"ok":false}'), /message/);
    assert.match(checkCase(err, '{"ok":true,"value":{}}'), /expected error/);
  });

  test('numbers compare by value, whatever their spelling; the rest of the text stays strict', () => {
    const [c] = expandVectors({
      files: [{ path: 'experiments/demo.json', json: { vectors: [
        { name: 'n', op: 'x', input: {}, expected: { ok: true, value: { a: [0, 0.000005], b: 1, s: '1.0' } } },
      ] } }],
      target: 'node',
    });
    // nlohmann writes 5e-06 where JavaScript writes 0.000005: the same double.
    assert.equal(checkCase(c, '{"ok":true,"value":{"a":[0,5e-06],"b":1,"s":"1.0"}}'), null);
    assert.equal(checkCase(c, '{"ok":true,"value":{"a":[0.0,0.000005],"b":1.0,"s":"1.0"}}'), null);
    assert.match(checkCase(c, '{"ok":true,"value":{"a":[0,5e-06],"b":1.5,"s":"1.0"}}'), /expected/);
    assert.match(checkCase(c, '{"ok":true,"value":{"a":[0,5e-06],"b":1,"s":"1"}}'), /expected/, 'strings are not numbers');
    assert.match(checkCase(c, '{"ok":true,"value":{"b":1,"a":[0,5e-06],"s":"1.0"}}'), /not canonical/);
  });

  test('keys sort by code point, like the UTF-8 byte order of the C++ core', () => {
    // U+FF21 sorts before U+1F600 in UTF-8 bytes, after it in UTF-16 code units.
    assert.equal(canonicalJson({ '\u{1F600}': 1, '\uFF21': 2, b: 3, a: 4 }), '{"a":4,"b":3,"\uFF21":2,"\u{1F600}":1}');
  });

  test('runVectors counts and reports', async () => {
    const cases = expand([{ target: 'node', id: 'money/demo/fix', reason: 'r' }]);
    const result = await runVectors({
      cases,
      call: async (op, input) => (input.startsWith('{"a"') ? '{"ok":true,"value":{"a":[2,{"c":0,"d":1}],"b":1}}' : '{}'),
    });
    assert.deepEqual([result.passed, result.failed, result.skipped], [1, 1, 1]);
    assert.equal(result.failures[0].id, 'money/demo/err');
  });
});
