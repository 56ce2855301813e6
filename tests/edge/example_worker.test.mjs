// Runs the edge worker example (examples/edge-worker/) the way its README does, in the real
// workerd and Deno runtimes against the built package, and checks its HTTP API over real HTTP:
// every example cart priced byte for byte like the native CLI, the status codes, /health, and
// the error envelopes. The example's files are used as checked in (config.capnp, deno.json,
// src/); only the package is put where `npm install` would (node_modules/@storefront/sdk, a
// symlink as for a file: dependency), in a temp copy so the source tree is never written to.
//
//   STOREFRONT_PACKAGE_DIR=$PWD/build/wasm-release/package \
//   STOREFRONT_CLI=$PWD/build/native-release/tools/cli/storefront node --test tests/edge/example_worker.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import {
  ROOT, artefacts, assertSameAsCli, examplesWithCliOutput, start, startWorkerd, stopAndRemove, tempDir,
} from '../support/runtimes.node.mjs';

const EXAMPLE = join(ROOT, 'examples', 'edge-worker');
const DENO = join(ROOT, 'node_modules', '.bin', 'deno');
const SHOP = join(ROOT, 'examples', 'data', 'shop.json');
// The shop's settings.limits.max_cart_bytes, or its documented default (256 KiB).
const MAX_CART_BYTES = JSON.parse(readFileSync(SHOP, 'utf8')).settings?.limits?.max_cart_bytes ?? 256 * 1024;

/** Runs the CLI and returns its stdout (the envelope and "\n"), also for an error envelope. */
function cli(binary, args) {
  const run = spawnSync(binary, args, { encoding: 'utf8', timeout: 20_000 });
  assert.ok(run.error === undefined && run.stdout.endsWith('\n'), `storefront ${args.join(' ')}: ${run.error ?? run.stderr}`);
  return run.stdout;
}

let expectedCache = null;

/**
 * What the worker must answer, from the native CLI: the example carts, a cart with an unknown
 * SKU, a cart one byte over max_cart_bytes (exactly that size, so that the message, which
 * quotes the size, is the CLI's too), not-UTF-8 bytes, the snapshot hash and the SDK version.
 */
function expected() {
  if (expectedCache) return expectedCache;
  const { cli: binary } = artefacts();
  const temp = tempDir('storefront-example-cli-');
  try {
    const { carts } = examplesWithCliOutput(binary);
    const special = (name, body) => {
      const path = join(temp.dir, name);
      writeFileSync(path, body);
      return { body, expected: cli(binary, ['price', '--snapshot', SHOP, '--cart', path]) };
    };
    const unknownSku = special(
      'unknown-sku.json',
      '{"currency":"EUR","at":"2026-11-21T09:30:00+01:00","lines":[{"id":"l1","sku":"NO-SUCH-SKU","quantity":1}]}',
    );
    const weekend = carts.find(({ name }) => name === 'weekend.json') ?? carts[0];
    // A valid cart padded with white space to one byte over the limit: only its size is wrong.
    const trimmed = weekend.text.trimEnd();
    const oversized = special('oversized.json', trimmed + ' '.repeat(MAX_CART_BYTES + 1 - Buffer.byteLength(trimmed)));
    const notUtf8 = special(
      'not-utf8.json',
      Buffer.from('{"currency":"EUR","at":"2026-11-21T09:30:00Z","lines":[{"id":"\xff","sku":"X","quantity":1}]}', 'latin1'),
    );
    const validated = JSON.parse(cli(binary, ['validate', '--snapshot', SHOP]));
    const version = cli(binary, ['--version']).trim();
    expectedCache = { carts, unknownSku, oversized, notUtf8, snapshotHash: validated.value.snapshot_hash, version };
    return expectedCache;
  } finally {
    temp.remove();
  }
}

/**
 * Copies the example to `<dir>/examples/edge-worker` (its snapshot embed points at
 * ../data/shop.json) and links the package where npm would install it. Returns the example dir.
 */
function layOutExample(dir, packageDir) {
  const exampleDir = join(dir, 'examples', 'edge-worker');
  // Leave out what a local `npm install` may have left in the source tree.
  const installed = new Set(['node_modules', 'package-lock.json']);
  cpSync(EXAMPLE, exampleDir, { recursive: true, filter: (source) => !installed.has(relative(EXAMPLE, source).split(sep)[0]) });
  mkdirSync(join(dir, 'examples', 'data'));
  copyFileSync(SHOP, join(dir, 'examples', 'data', 'shop.json'));
  mkdirSync(join(exampleDir, 'node_modules', '@storefront'), { recursive: true });
  symlinkSync(packageDir, join(exampleDir, 'node_modules', '@storefront', 'sdk'), 'dir');
  return exampleDir;
}

/** Starts the Deno entry; resolves with the base URL it prints once listening on port 0. */
function startDeno(exampleDir, tempRoot, packageDir) {
  const server = start(
    DENO,
    [
      'run',
      '--no-prompt', // a missing permission fails instead of waiting for an answer
      '--no-remote', // only local modules: nothing may come from the network
      '--config=deno.json', // the example's import map ('@storefront/sdk' -> node_modules/…)
      // Deno reads the package through the symlink's target, hence the package dir itself.
      `--allow-read=${tempRoot},${packageDir}`,
      '--allow-net=127.0.0.1',
      '--allow-env=PORT,STOREFRONT_SNAPSHOT',
      'src/deno.js',
    ],
    {
      cwd: exampleDir,
      env: {
        PATH: process.env.PATH,
        HOME: tempRoot,
        DENO_DIR: join(tempRoot, 'deno-cache'), // a fresh cache: nothing leaks between runs
        DENO_NO_UPDATE_CHECK: '1',
        NO_COLOR: '1',
        PORT: '0', // the kernel picks the port; the script prints it
        STOREFRONT_SNAPSHOT: join(tempRoot, 'examples', 'data', 'shop.json'),
      },
    },
  );
  const listening = new Promise((resolve) => {
    createInterface({ input: server.child.stdout }).on('line', (line) => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\/$/.exec(line);
      if (match) resolve(match[1]);
    });
  });
  const failed = server.exited.then(({ code, signal, error }) => {
    throw new Error(`deno exited (${error ?? code ?? signal}) before listening:\n${server.output()}`);
  });
  return { server, url: Promise.race([listening, failed]) };
}

/** Asserts an envelope-shaped JSON answer: status, content type, canonical keys, the error code. */
async function assertErrorAnswer(response, status, code) {
  const body = await response.text();
  assert.equal(response.status, status, `${response.url}: ${body}`);
  assert.match(response.headers.get('content-type'), /^application\/json\b/);
  const envelope = JSON.parse(body);
  assert.deepEqual(Object.keys(envelope), ['error', 'ok'], `canonical key order: ${body}`);
  assert.deepEqual(Object.keys(envelope.error), ['code', 'message', 'path'], `canonical key order: ${body}`);
  assert.equal(envelope.ok, false);
  assert.equal(envelope.error.code, code, body);
  assert.equal(typeof envelope.error.message, 'string');
  assert.ok(envelope.error.message.length > 0);
  return { body, envelope };
}

/** The HTTP checks, the same for every runtime; `base` is the worker's URL. */
async function checkWorker(t, base, server) {
  const want = expected();
  const post = (body) => fetch(`${base}/price`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  await t.test('POST /price: every example cart, byte for byte like the CLI', async () => {
    const answers = {};
    for (const { name, text } of want.carts) {
      const response = await post(text);
      answers[name] = await response.text();
      assert.equal(response.status, 200, `POST /price ${name}: ${answers[name]}\n${server.output()}`);
      assert.equal(response.headers.get('content-type'), 'application/json');
    }
    assertSameAsCli(want.carts, answers);
  });

  await t.test('POST /price: an unknown SKU is 422 with the CLI envelope', async () => {
    const { body } = await assertErrorAnswer(await post(want.unknownSku.body), 422, 'unknown_sku');
    assert.equal(body + '\n', want.unknownSku.expected);
  });

  await t.test('POST /price: a body over max_cart_bytes is 413 input_too_large', async () => {
    assert.equal(Buffer.byteLength(want.oversized.body), MAX_CART_BYTES + 1);
    const { body, envelope } = await assertErrorAnswer(await post(want.oversized.body), 413, 'input_too_large');
    assert.equal(envelope.error.path, '');
    assert.equal(body + '\n', want.oversized.expected);
  });

  await t.test('POST /price: bytes that are not UTF-8 are 422 json_syntax, as in the CLI', async () => {
    const { envelope } = await assertErrorAnswer(await post(want.notUtf8.body), 422, 'json_syntax');
    // The messages differ (the CLI's parser names the byte); the code and path do not.
    const cliError = JSON.parse(want.notUtf8.expected).error;
    assert.deepEqual([envelope.error.code, envelope.error.path], [cliError.code, cliError.path]);
  });

  await t.test('GET /health: the snapshot hash of `storefront validate` and the SDK version', async () => {
    const response = await fetch(`${base}/health`);
    const body = await response.text();
    assert.equal(response.status, 200, body);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(body, JSON.stringify({ ok: true, value: { snapshot_hash: want.snapshotHash, version: want.version } }));
  });

  await t.test('unknown paths are 404 and wrong methods 405, as envelopes', async () => {
    await assertErrorAnswer(await fetch(`${base}/`), 404, 'not_found');
    await assertErrorAnswer(await fetch(`${base}/quote`, { method: 'POST', body: '{}' }), 404, 'not_found');
    const getPrice = await fetch(`${base}/price`);
    assert.equal(getPrice.headers.get('allow'), 'POST');
    await assertErrorAnswer(getPrice, 405, 'method_not_allowed');
    const postHealth = await fetch(`${base}/health`, { method: 'POST', body: '' });
    assert.equal(postHealth.headers.get('allow'), 'GET');
    await assertErrorAnswer(postHealth, 405, 'method_not_allowed');
  });
}

test('the edge worker example on workerd', { timeout: 30_000 }, async (t) => {
  const { packageDir } = artefacts();
  expected(); // the CLI's answers first: a CLI problem is not reported as a workerd one
  const temp = tempDir('storefront-example-workerd-');
  let server = null;
  // Stop workerd before removing its files, also when the test fails or times out.
  t.after(() => stopAndRemove(server, 'workerd', temp));
  const exampleDir = layOutExample(temp.dir, packageDir);
  // The checked-in config as it is; only the listening address is overridden (port 0).
  const started = startWorkerd('config.capnp', { cwd: exampleDir, args: ['--socket-addr=http=127.0.0.1:0'] });
  server = started.server;
  await checkWorker(t, await started.url, server);
});

test('the edge worker example on Deno', { timeout: 30_000 }, async (t) => {
  const { packageDir } = artefacts();
  expected();
  const temp = tempDir('storefront-example-deno-');
  let server = null;
  t.after(() => stopAndRemove(server, 'deno', temp, /^listening on .*\n/m));
  const exampleDir = layOutExample(temp.dir, packageDir);
  const started = startDeno(exampleDir, temp.dir, packageDir);
  server = started.server;
  await checkWorker(t, await started.url, server);
});

// The one path the runtimes above cannot reach without a multi-megabyte upload: the handler's
// own ceiling, which stops reading a body before buffering it. Plain Node is a web-standard
// runtime too (Request, Response, streams), so the runtime-neutral handler runs here directly.
test('the handler stops reading a body over maxBodyBytes', async () => {
  const { packageDir } = artefacts();
  const { createEngine } = await import(pathToFileURL(join(packageDir, 'index.js')).href);
  const { createHandler } = await import(pathToFileURL(join(EXAMPLE, 'src', 'handler.js')).href);
  const engine = await createEngine(readFileSync(SHOP, 'utf8'));
  try {
    const handle = createHandler({ engine, version: '0.0.0', maxBodyBytes: 1000 });

    // Declared too large: rejected without reading.
    const declared = await handle(
      new Request('http://worker/price', { method: 'POST', body: 'x'.repeat(1001), headers: { 'content-length': '1001' } }),
    );
    await assertErrorAnswer(declared, 413, 'input_too_large');

    // Streamed without a length: reading stops at the first chunk past the ceiling.
    let pulled = 0;
    const endless = new ReadableStream({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(400).fill(0x20));
      },
    });
    const streamed = await handle(new Request('http://worker/price', { method: 'POST', body: endless, duplex: 'half' }));
    await assertErrorAnswer(streamed, 413, 'input_too_large');
    assert.ok(pulled <= 4, `read ${pulled} chunks of an endless body`);

    // Under the ceiling, the engine decides.
    const small = await handle(new Request('http://worker/price', { method: 'POST', body: '{}' }));
    await assertErrorAnswer(small, 422, 'missing_field');
  } finally {
    engine.dispose();
  }
});
