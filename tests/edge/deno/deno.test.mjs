// Runs vectors.deno.ts in the real Deno runtime (the npm `deno` binary) against the built
// package, after writing the native CLI's answer for every example cart into a temp dir that
// the Deno test compares against (so Deno needs no --allow-run).
//
//   STOREFRONT_PACKAGE_DIR=build/wasm-release/package \
//   STOREFRONT_CLI=build/native-debug/tools/cli/storefront node --test tests/edge/deno/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artefacts, examplesWithCliOutput, start, stop, tempDir } from '../../support/runtimes.node.mjs';

const DENO = join(ROOT, 'node_modules', '.bin', 'deno');

test('shared vectors and example carts in Deno', { timeout: 60_000 }, async (t) => {
  const { packageDir, cli } = artefacts();
  const temp = tempDir('storefront-deno-');
  let deno = null;
  // One hook, in this order, also when the test fails or times out: stop Deno, then remove its dir.
  t.after(async () => {
    if (deno?.child.exitCode === null) {
      // Timed out: what Deno printed so far is the only clue.
      console.log(`deno test was still running; its output so far:\n${deno.output()}`);
    }
    if (deno) await stop(deno);
    temp.remove();
  });
  const expectedDir = join(temp.dir, 'expected');
  mkdirSync(expectedDir);
  for (const { name, expected } of examplesWithCliOutput(cli).carts) writeFileSync(join(expectedDir, `${name}.out`), expected);

  deno = start(
    DENO,
    [
      'test',
      '--no-prompt', // a missing permission fails instead of waiting for an answer
      '--no-remote', // only local modules: the test must not reach the network
      '--no-config', // no deno.json discovery: the flags here are the whole configuration
      `--allow-read=${ROOT},${packageDir},${expectedDir}`,
      '--allow-env=STOREFRONT_PACKAGE_DIR,STOREFRONT_EXPECTED_DIR',
      join(ROOT, 'tests', 'edge', 'deno', 'vectors.deno.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: temp.dir,
        DENO_DIR: join(temp.dir, 'deno-cache'), // a fresh cache: nothing leaks between runs
        DENO_NO_UPDATE_CHECK: '1',
        DENO_NO_PACKAGE_JSON: '1', // the repository's package.json is Node tooling: no npm resolution
        NO_COLOR: '1',
        STOREFRONT_PACKAGE_DIR: packageDir,
        STOREFRONT_EXPECTED_DIR: expectedDir,
      },
    },
  );
  const { code, signal, error } = await deno.exited;
  assert.equal(error, undefined, `cannot start ${DENO}: ${error}`);
  assert.ok(code === 0, `deno test exited with ${code ?? signal}:\n${deno.output()}`);
  // Echo Deno's summary (vector counts) into the Node test log.
  console.log(deno.output().trim());
});
