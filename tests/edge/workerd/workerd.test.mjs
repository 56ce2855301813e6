// Runs worker.mjs in the real workerd runtime (the npm `workerd` binary) against the built
// package: every shared vector through callJson inside workerd, and every example cart through
// real HTTP (POST /price), compared byte for byte with the native CLI.
//
//   STOREFRONT_PACKAGE_DIR=build/wasm-release/package \
//   STOREFRONT_CLI=build/native-debug/tools/cli/storefront node --test tests/edge/workerd/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ROOT, artefacts, assertSameAsCli, examplesWithCliOutput, loadVectors, startWorkerd, stopAndRemove, tempDir,
} from '../../support/runtimes.node.mjs';

/**
 * Lays out the worker bundle in `dir` and writes config.capnp next to it. Files are copied so
 * that every `embed` is a plain relative path (capnp resolves paths starting with '/' against
 * its import path, not the file system). Module names mirror the import specifiers.
 */
function writeBundle(dir, packageDir) {
  const modules = [
    ['worker.mjs', 'esModule', join(ROOT, 'tests', 'edge', 'workerd', 'worker.mjs')],
    ['sdk/index.js', 'esModule', join(packageDir, 'index.js')],
    ['sdk/storefront_core.mjs', 'esModule', join(packageDir, 'storefront_core.mjs')],
    ['sdk/storefront_core.wasm', 'wasm', join(packageDir, 'storefront_core.wasm')],
    ['lib/vectors.mjs', 'esModule', join(ROOT, 'tests', 'js', 'lib', 'vectors.mjs')],
    ['shop.json', 'text', join(ROOT, 'examples', 'data', 'shop.json')],
    ['vectors.json', 'json', null], // generated below
  ];
  for (const [name, , source] of modules) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    if (source) copyFileSync(source, join(dir, name));
  }
  writeFileSync(join(dir, 'vectors.json'), JSON.stringify(loadVectors()));
  const entries = modules.map(([name, type]) => `(name = "${name}", ${type} = embed "${name}")`);
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  # Port 0: the kernel picks a free port and workerd reports it on the control fd.
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    ${entries.join(',\n    ')},
  ],
  compatibilityDate = "2024-09-23",
);
`,
  );
}

test('shared vectors and example carts in workerd', { timeout: 60_000 }, async (t) => {
  const { packageDir, cli } = artefacts();
  const { carts } = examplesWithCliOutput(cli);
  const temp = tempDir('storefront-workerd-');
  let server = null;
  // Stop workerd before removing its files, also when the test fails or times out.
  t.after(() => stopAndRemove(server, 'workerd', temp));
  writeBundle(temp.dir, packageDir);
  const started = startWorkerd(join(temp.dir, 'config.capnp'), { cwd: temp.dir });
  server = started.server;
  const base = await started.url;

  await t.test('GET /vectors', async () => {
    const response = await fetch(`${base}/vectors`);
    const body = await response.text();
    assert.equal(response.status, 200, `GET /vectors: ${body}\n${server.output()}`);
    const result = JSON.parse(body);
    console.log(`workerd vectors: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
    const failures = result.failures.map(({ id, problem }) => `${id}: ${problem}`).join('\n');
    assert.equal(result.failed, 0, `vectors failed in workerd:\n${failures}`);
    assert.ok(result.passed > 0, 'no vector ran');
  });

  await t.test('POST /price matches the CLI byte for byte', async () => {
    const answers = {};
    for (const { name, text } of carts) {
      const response = await fetch(`${base}/price`, { method: 'POST', body: text });
      answers[name] = await response.text();
      assert.equal(response.status, 200, `POST /price ${name}: ${answers[name]}`);
    }
    assertSameAsCli(carts, answers);
  });
});
