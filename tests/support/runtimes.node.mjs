// Node-side helpers shared by the real-runtime harnesses (tests/edge/deno, tests/edge/workerd,
// tests/edge/example_worker.test.mjs, tests/browser): where the artefacts are, what the native
// CLI answers for the example carts, how to start and always stop a child process, and how to
// start workerd on a kernel-chosen port. The runtimes themselves never see this file.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, loadExamples } from '../js/lib/load-vectors.node.mjs';

export { ROOT, loadVectors, loadExamples } from '../js/lib/load-vectors.node.mjs';

/** The build artefacts under test, from the environment (CMake/CI set them; no guessing). */
export function artefacts() {
  const packageDir = process.env.STOREFRONT_PACKAGE_DIR;
  const cli = process.env.STOREFRONT_CLI;
  assert.ok(packageDir, 'set STOREFRONT_PACKAGE_DIR to the built npm package (e.g. build/wasm-release/package)');
  assert.ok(cli, 'set STOREFRONT_CLI to the native CLI (e.g. build/native-debug/tools/cli/storefront)');
  for (const file of ['index.js', 'storefront_core.mjs', 'storefront_core.wasm']) {
    assert.ok(existsSync(join(packageDir, file)), `STOREFRONT_PACKAGE_DIR has no ${file}: ${packageDir}`);
  }
  assert.ok(existsSync(cli), `STOREFRONT_CLI does not exist: ${cli}`);
  return { packageDir: resolve(packageDir), cli: resolve(cli) };
}

/**
 * The example shop and carts with the native CLI's answer for each: [{name, text, expected}].
 * `expected` is the CLI's stdout, i.e. the canonical envelope followed by "\n"; the runtimes
 * return the envelope alone, so they match when `actual + '\n' === expected`.
 */
export function examplesWithCliOutput(cli) {
  const { shopPath, shop, carts } = loadExamples();
  assert.ok(carts.length > 0, 'examples/data/carts/ has no carts');
  const priced = carts.map(({ name, path, text }) => {
    const run = spawnSync(cli, ['price', '--snapshot', shopPath, '--cart', path], { encoding: 'utf8', timeout: 20_000 });
    assert.ok(run.error === undefined && run.stdout.endsWith('\n'), `CLI failed on ${name}: ${run.error ?? run.stderr}`);
    return { name, text, expected: run.stdout };
  });
  return { shop, carts: priced };
}

/** Asserts that each runtime answer is the CLI's output byte for byte; names the first difference. */
export function assertSameAsCli(carts, actualByName) {
  for (const { name, expected } of carts) {
    const actual = actualByName[name];
    assert.equal(typeof actual, 'string', `no answer for cart ${name}`);
    const got = actual + '\n';
    if (got === expected) continue;
    let at = 0;
    while (at < got.length && got[at] === expected[at]) at += 1;
    assert.fail(`cart ${name} differs from the CLI at char ${at}:\n  CLI     …${expected.slice(Math.max(0, at - 60), at + 60)}\n  runtime …${got.slice(Math.max(0, at - 60), at + 60)}`);
  }
}

/** A fresh temp dir, removed by the returned function (called from an after hook). */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts a child process and keeps its combined output for failure messages.
 * Returns {child, output(), exited} where `exited` resolves to {code, signal}.
 */
export function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise((done) => {
    child.on('error', (error) => done({ code: null, signal: null, error }));
    // 'close' rather than 'exit': by then all output has been read.
    child.on('close', (code, signal) => done({ code, signal }));
  });
  return { child, output: () => output, exited };
}

/** Stops a child started by `start` (SIGTERM, then SIGKILL after `graceMs`); safe to call twice. */
export async function stop({ child, exited }, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The workerd binary of the npm `workerd` devDependency. */
export const WORKERD = join(ROOT, 'node_modules', '.bin', 'workerd');

/**
 * Starts `workerd serve <config>` and returns {server, url}: `server` as from `start` (stop it
 * with `stop`), `url` a promise of the base URL once the socket named `socket` listens. workerd
 * writes one JSON line per event to --control-fd, e.g. {"event":"listen","socket":"http",
 * "port":41234}, so a config (or `--socket-addr <socket>=127.0.0.1:0` in `args`) that binds
 * port 0 lets the kernel choose the port, with no pick-then-bind race to retry.
 */
export function startWorkerd(config, { cwd, args = [], socket = 'http' } = {}) {
  const server = start(WORKERD, ['serve', '--control-fd=3', ...args, config], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const listening = new Promise((resolve) => {
    createInterface({ input: server.child.stdio[3] }).on('line', (line) => {
      const message = JSON.parse(line);
      if (message.event === 'listen' && message.socket === socket) resolve(`http://127.0.0.1:${message.port}`);
    });
  });
  const failed = server.exited.then(({ code, signal, error }) => {
    throw new Error(`workerd exited (${error ?? code ?? signal}) before listening:\n${server.output()}`);
  });
  return { server, url: Promise.race([listening, failed]) };
}

/**
 * Teardown for a test that ran a server process in a temp dir: stop the process first (it may
 * hold files there), show what it printed (its logs and uncaught errors explain a failure), then
 * remove the dir. `server` may still be null when the test failed before starting it.
 */
export async function stopAndRemove(server, name, temp, quiet = /$^/) {
  if (server) {
    await stop(server);
    const output = server.output().replace(quiet, '');
    if (output) console.log(`${name} output:\n${output}`);
  }
  temp.remove();
}
