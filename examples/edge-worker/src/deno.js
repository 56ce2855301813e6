// The edge worker on Deno (Deno Deploy, or `deno run` anywhere). deno.json maps
// '@storefront/sdk' to the installed package; see README.md.
//
//   STOREFRONT_SNAPSHOT  path of the snapshot JSON (default: ../../data/shop.json, the example shop)
//   PORT                 port to listen on, 127.0.0.1 only (default 8000; 0 picks a free port);
//                        a first command-line argument overrides it
//
// Once listening it prints "listening on http://127.0.0.1:<port>/" on stdout.
import { createEngine } from '@storefront/sdk';
import sdkPackage from '@storefront/sdk/package.json' with { type: 'json' };
import { createHandler } from './handler.js';

function fail(message) {
  console.error(`storefront edge worker: ${message}`);
  Deno.exit(2);
}

const portText = Deno.args[0] ?? Deno.env.get('PORT') ?? '8000';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`not a port: ${portText}`);

const snapshotPath = Deno.env.get('STOREFRONT_SNAPSHOT') ?? new URL('../../data/shop.json', import.meta.url);

// Deno allows top-level await: the engine is built once, before the first request. Default
// loading: the package fetches storefront_core.wasm from next to its index.js (a file: URL, so
// the package directory needs --allow-read).
let engine;
try {
  engine = await createEngine(await Deno.readTextFile(snapshotPath));
} catch (error) {
  fail(`cannot create the engine from ${snapshotPath}: ${error?.code ?? ''} ${error?.message ?? error}`);
}

const server = Deno.serve(
  {
    hostname: '127.0.0.1',
    port,
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}/`),
  },
  createHandler({ engine, version: sdkPackage.version }),
);

// Finish the requests in flight on Ctrl-C / SIGTERM, then exit.
if (Deno.build.os !== 'windows') {
  for (const signal of ['SIGINT', 'SIGTERM']) Deno.addSignalListener(signal, () => server.shutdown());
}
await server.finished;
engine.dispose();
