// The HTTP API of the edge worker, independent of the runtime: a function from a web-standard
// Request to a Response, used unchanged by workerd.js (Cloudflare Workers / workerd) and deno.js.
// It only translates HTTP to the engine and back: every amount, every validation and every
// limit of the cart itself is the core's (the same bytes as the native CLI and backend).
//
//   POST /price   body: a cart request (JSON)  -> the canonical envelope the engine returns
//                 200 {"ok":true,...}  422 input error  413 input_too_large  500 internal
//   GET  /health  -> {"ok":true,"value":{"snapshot_hash":"xxh3-128:…","version":"0.1.0"}}
//   anything else -> 404 not_found / 405 method_not_allowed
//
// Every answer is JSON in the envelope shape of the core: {"ok":true,"value":…} or
// {"error":{"code","message","path"},"ok":false}, keys in canonical (byte) order.

/**
 * The largest body read at all, before the engine sees it. The engine enforces the snapshot's
 * own `settings.limits.max_cart_bytes` (default 256 KiB) and answers input_too_large, which
 * becomes a 413 too; this ceiling only keeps a huge body from being buffered. 4 MiB is the hard
 * maximum a snapshot may configure for max_cart_bytes, so it never rejects a cart the engine
 * would accept.
 */
export const DEFAULT_MAX_BODY_BYTES = 4 << 20;

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A JSON response with the given body text (already canonical JSON). */
function jsonResponse(status, body, headers = {}) {
  return new Response(body, { status, headers: { ...JSON_HEADERS, ...headers } });
}

/**
 * An error envelope for an HTTP-level problem, in the core's canonical form (sorted keys), so a
 * client parses every error the same way, whoever raised it.
 */
export function errorResponse(status, code, message, headers = {}) {
  return jsonResponse(status, JSON.stringify({ error: { code, message, path: '' }, ok: false }), headers);
}

/** The HTTP status for an envelope the engine returned. */
function statusOf(envelope) {
  // Canonical key order puts "error" before "ok": an ok envelope starts with {"ok":true.
  if (envelope.startsWith('{"ok":true')) return 200;
  const { code } = JSON.parse(envelope).error;
  if (code === 'input_too_large') return 413;
  if (code === 'internal') return 500; // a bug in the core, not the client's fault
  return 422;
}

/**
 * Reads the body as bytes, stopping as soon as it exceeds `maxBytes` (returns null then), so a
 * client cannot make the worker buffer more than that.
 */
async function readBody(request, maxBytes) {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return null;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

// fatal: bytes that are not UTF-8 are rejected instead of silently becoming U+FFFD (the CLI
// rejects them too). ignoreBOM: a byte-order mark reaches the core as sent, as with the CLI.
const utf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Builds the request handler.
 * @param {object} options
 * @param {import('@storefront/sdk').Engine} options.engine an engine from createEngine (kept, never disposed here)
 * @param {string} options.version the SDK version reported by GET /health
 * @param {number} [options.maxBodyBytes] the largest request body read (see DEFAULT_MAX_BODY_BYTES)
 * @returns {(request: Request) => Promise<Response>}
 */
export function createHandler({ engine, version, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }) {
  if (!engine || typeof engine.priceJson !== 'function') throw new TypeError('createHandler needs an engine');
  const health = JSON.stringify({ ok: true, value: { snapshot_hash: engine.info.snapshot_hash, version: String(version) } });

  async function price(request) {
    const bytes = await readBody(request, maxBodyBytes);
    if (bytes === null) {
      return errorResponse(413, 'input_too_large', `the request body is larger than ${maxBodyBytes} bytes`);
    }
    let cartJson;
    try {
      cartJson = utf8().decode(bytes);
    } catch {
      return errorResponse(422, 'json_syntax', 'the request body is not valid UTF-8');
    }
    const envelope = engine.priceJson(cartJson);
    return jsonResponse(statusOf(envelope), envelope);
  }

  const routes = {
    '/price': { method: 'POST', run: price },
    '/health': { method: 'GET', run: async () => jsonResponse(200, health) },
  };

  return async function handle(request) {
    const route = routes[new URL(request.url).pathname];
    if (!route) return errorResponse(404, 'not_found', 'no such endpoint; try POST /price or GET /health');
    if (request.method !== route.method) {
      return errorResponse(405, 'method_not_allowed', `use ${route.method}`, { allow: route.method });
    }
    try {
      return await route.run(request);
    } catch (error) {
      // Not an input error (those are envelopes from the engine): a bug or a broken runtime.
      console.error('storefront edge worker:', error);
      return errorResponse(500, 'internal', 'the worker failed to answer; see its logs');
    }
  };
}
