// @storefront/sdk: the Storefront pricing core as WebAssembly, for browsers, edge workers,
// Deno and Node.
//
// This file only translates: JavaScript strings in, canonical JSON envelopes out. Every amount
// is computed by the C++ core (sdk/), so the bytes returned here are the bytes the native CLI
// and backend return for the same input.

import createStorefrontCore from './storefront_core.mjs';

/** The C ABI version this loader speaks (include/storefront/c_api.h, SF_ABI_VERSION). */
export const ABI_VERSION = 1;

const WASM_FILE = 'storefront_core.wasm';
const NODE_FS = 'node:fs/promises';

/** An error envelope turned into an exception: `code` and `path` as in the JSON contract. */
export class StorefrontError extends Error {
  constructor({ code, message, path }) {
    super(message);
    this.name = 'StorefrontError';
    this.code = code;
    this.path = path;
  }
}

let defaultCore = null;

/**
 * Loads and instantiates the wasm core. Called implicitly by createEngine/callJson; call it
 * yourself to choose how the module is obtained:
 *   - `module`: an already compiled WebAssembly.Module (workerd, Cloudflare Workers: import the
 *     .wasm file as a module and pass it here; those runtimes refuse to compile bytes at run time);
 *   - `wasmBinary`: the bytes of storefront_core.wasm;
 *   - neither: the file next to this one is fetched (browsers, Deno) or read (Node).
 */
export async function loadCore(options = {}) {
  const module = options.module ?? (await compileDefaultModule(options.wasmBinary));
  // The generated factory never settles when instantiation fails inside instantiateWasm, so a
  // failure (e.g. a module that is not storefront_core.wasm) rejects this promise instead of
  // becoming an unhandled rejection that kills the process while loadCore waits forever.
  let instantiationFailed;
  const failure = new Promise((_, reject) => {
    instantiationFailed = reject;
  });
  const core = await Promise.race([
    createStorefrontCore({
      // Without locateFile the generated code builds `new URL(..., import.meta.url)`, which
      // workerd rejects; the module is supplied by instantiateWasm anyway.
      locateFile: (file) => file,
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), instantiationFailed);
        return {};
      },
    }),
    failure,
  ]);
  const abi = core._sf_abi_version();
  if (abi !== ABI_VERSION) {
    throw new Error(`storefront_core.wasm speaks ABI ${abi}, this loader speaks ${ABI_VERSION}`);
  }
  return new Core(core);
}

async function compileDefaultModule(wasmBinary) {
  if (wasmBinary) return WebAssembly.compile(wasmBinary);
  const url = new URL(WASM_FILE, import.meta.url);
  if (url.protocol === 'file:' && typeof globalThis.Deno === 'undefined') {
    // Node: fetch() does not read file: URLs.
    // A variable specifier (with the bundlers' ignore hints) keeps browser bundles free of a
    // node: import they would have to stub.
    const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS);
    return WebAssembly.compile(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  // Not compileStreaming: it insists on the application/wasm content type, which dev servers and
  // file hosts often get wrong; the module is compiled once per page either way.
  return WebAssembly.compile(await response.arrayBuffer());
}

// Cores built from a caller's module or bytes, so that a worker calling
// createEngine(snapshot, {module}) per request reuses one instance instead of growing a new
// wasm heap every time.
const coresBySource = new WeakMap();

async function coreFor(options) {
  const source = options?.module ?? options?.wasmBinary;
  if (source) {
    let core = coresBySource.get(source);
    if (!core) {
      core = loadCore(options);
      coresBySource.set(source, core);
      // A failed load must not be cached: the next call tries again.
      core.catch(() => coresBySource.delete(source));
    }
    return core;
  }
  if (!defaultCore) {
    defaultCore = loadCore();
    // Same here: a transient fetch failure must not poison every later call.
    defaultCore.catch(() => {
      defaultCore = null;
    });
  }
  return defaultCore;
}

function unwrap(envelopeJson) {
  const envelope = JSON.parse(envelopeJson);
  if (!envelope.ok) throw new StorefrontError(envelope.error);
  return envelope.value;
}

/** A loaded core: the thin layer over the exported C functions. */
class Core {
  #m;

  constructor(m) {
    this.#m = m;
  }

  /** The SDK version the module was built from. */
  get version() {
    return this.#m.UTF8ToString(this.#m._sf_version());
  }

  // Copies `text` into the wasm heap for the duration of `use(pointer, byteLength)`.
  withString(text, use) {
    const m = this.#m;
    const size = m.lengthBytesUTF8(text);
    const pointer = m._malloc(size + 1);
    try {
      m.stringToUTF8(text, pointer, size + 1);
      return use(pointer, size);
    } finally {
      m._free(pointer);
    }
  }

  // Reads and releases a string the core returned.
  takeString(pointer) {
    try {
      return this.#m.UTF8ToString(pointer);
    } finally {
      this.#m._sf_string_free(pointer);
    }
  }

  callJson(op, inputJson) {
    return this.withString(op, (opPtr, opLen) =>
      this.withString(inputJson, (inPtr, inLen) => this.takeString(this.#m._sf_call(opPtr, opLen, inPtr, inLen))),
    );
  }

  createEngine(snapshotJson, optionsJson) {
    const m = this.#m;
    const out = m._malloc(4);
    try {
      const envelope = this.withString(snapshotJson, (sPtr, sLen) =>
        this.withString(optionsJson, (oPtr, oLen) => this.takeString(m._sf_engine_create(sPtr, sLen, oPtr, oLen, out))),
      );
      const info = unwrap(envelope);
      return new Engine(this, m, m.getValue(out, 'i32'), info);
    } finally {
      m._free(out);
    }
  }
}

const finalizer =
  typeof FinalizationRegistry === 'undefined' ? null : new FinalizationRegistry(({ m, handle }) => m._sf_engine_destroy(handle));

/** An immutable engine over one snapshot. Price as many carts as you like. */
class Engine {
  #core;
  #m;
  #handle;

  constructor(core, m, handle, info) {
    this.#core = core;
    this.#m = m;
    this.#handle = handle;
    /** Counts and the snapshot's content hash: {categories, currencies, products, snapshot_hash, variants}. */
    this.info = info;
    finalizer?.register(this, { m, handle }, this);
  }

  /** Prices a cart request given as JSON text; returns the canonical envelope text. */
  priceJson(cartJson) {
    this.#checkOpen();
    return this.#core.withString(cartJson, (ptr, len) => this.#core.takeString(this.#m._sf_engine_price(this.#handle, ptr, len)));
  }

  /** Prices a cart request (object or JSON text); returns the priced cart or throws StorefrontError. */
  price(cart) {
    return unwrap(this.priceJson(typeof cart === 'string' ? cart : JSON.stringify(cart)));
  }

  /** Frees the engine's memory now instead of when it is garbage-collected. */
  dispose() {
    if (this.#handle === 0) return;
    finalizer?.unregister(this);
    this.#m._sf_engine_destroy(this.#handle);
    this.#handle = 0;
  }

  #checkOpen() {
    if (this.#handle === 0) throw new Error('this engine has been disposed');
  }
}

/**
 * Builds an engine from a snapshot (object or JSON text). `options.limits` sets host limits
 * ({max_snapshot_bytes, max_variants, max_json_depth, max_string_length}); `options.module` or
 * `options.wasmBinary` choose how the wasm is loaded (see loadCore). Rejects with a
 * StorefrontError when the snapshot is invalid.
 */
export async function createEngine(snapshot, options = {}) {
  const core = await coreFor(options);
  const snapshotJson = typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot);
  return core.createEngine(snapshotJson, options.limits ? JSON.stringify(options.limits) : '');
}

/**
 * Runs a named operation ("money.parse", "money.allocate", "cart.price", ...) on a JSON input
 * and returns the canonical envelope text. This is how the shared vectors run on every target.
 */
export async function callJson(op, inputJson, options = {}) {
  return (await coreFor(options)).callJson(op, inputJson);
}

/** callJson with objects: returns the value or throws StorefrontError. */
export async function call(op, input, options = {}) {
  return unwrap(await callJson(op, JSON.stringify(input), options));
}
