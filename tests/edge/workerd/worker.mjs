// A workerd worker built on the npm package, as an edge developer would write it, plus a route
// that runs the shared vectors inside workerd. workerd.test.mjs generates the config that bundles
// this file with the package (sdk/), the runtime-neutral vector driver (lib/), the vectors
// (vectors.json) and the example shop (shop.json, a text module so its bytes reach the core as
// written, exactly as the CLI reads them).
//
//   GET  /vectors  -> {passed, failed, skipped, failures}
//   POST /price    -> the canonical envelope for the cart in the body
import { createEngine, loadCore } from './sdk/index.js';
// workerd refuses to compile wasm from bytes at run time: the module arrives precompiled.
import wasmModule from './sdk/storefront_core.wasm';
import { expandVectors, runVectors } from './lib/vectors.mjs';
import vectorData from './vectors.json';
import shopText from './shop.json';

// Created on first use, not at module load: workerd forbids async work in the global scope.
let corePromise = null;
let enginePromise = null;

async function vectorsResponse() {
  corePromise ??= loadCore({ module: wasmModule });
  const core = await corePromise;
  const cases = expandVectors({ ...vectorData, target: 'workerd' });
  const result = await runVectors({ cases, call: (op, inputJson) => core.callJson(op, inputJson) });
  return Response.json(result);
}

async function priceResponse(request) {
  enginePromise ??= createEngine(shopText, { module: wasmModule });
  const engine = await enginePromise;
  const envelope = engine.priceJson(await request.text());
  return new Response(envelope, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    try {
      if (request.method === 'GET' && pathname === '/vectors') return await vectorsResponse();
      if (request.method === 'POST' && pathname === '/price') return await priceResponse(request);
      return new Response('not found', { status: 404 });
    } catch (error) {
      // A harness bug, not an envelope: make it visible to the driver.
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
