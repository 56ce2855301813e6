// The edge worker as a Cloudflare Workers / workerd module worker. config.capnp bundles this file
// with handler.js, the @storefront/sdk package and the snapshot; see README.md.
import { createEngine } from '@storefront/sdk';
// workerd refuses to compile WebAssembly from bytes at run time: the module arrives compiled.
import coreWasm from '@storefront/sdk/core.wasm';
import sdkPackage from '@storefront/sdk/package.json';
// A text module: the snapshot reaches the core as written (no JSON.parse/stringify round trip).
import snapshotText from './snapshot.json';
import { createHandler, errorResponse } from './handler.js';

// Built on the first request, then shared by every request this isolate serves: workerd forbids
// asynchronous work in the global scope, and parsing the snapshot is the expensive part.
let handlerPromise = null;

function getHandler() {
  if (!handlerPromise) {
    handlerPromise = createEngine(snapshotText, { module: coreWasm }).then((engine) =>
      createHandler({ engine, version: sdkPackage.version }),
    );
    // A failure is not cached: the next request tries again (and logs again).
    handlerPromise.catch(() => {
      handlerPromise = null;
    });
  }
  return handlerPromise;
}

export default {
  async fetch(request) {
    let handle;
    try {
      handle = await getHandler();
    } catch (error) {
      // An invalid snapshot or a wasm module that does not load: a deployment problem.
      console.error('storefront edge worker: cannot create the engine:', error);
      return errorResponse(503, 'engine_unavailable', 'the pricing engine is not available; see the worker logs');
    }
    return handle(request);
  },
};
