# workerd configuration for the edge worker: `npx workerd serve config.capnp` (README.md).
#
# Every `embed` path is relative to this file. The package is expected where `npm install` puts
# it (node_modules/@storefront/sdk); the snapshot is the repository's example shop: point the
# last embed at your own.
#
# Module names are what the code imports. workerd resolves an import against the importing
# module's name like a relative URL, so the entry sits at the top level (a bare
# '@storefront/sdk' from "src/workerd.js" would look for "src/@storefront/sdk"), and the package's
# own `import './storefront_core.mjs'` from "@storefront/sdk" resolves to
# "@storefront/storefront_core.mjs".
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  # Override the address without editing: --socket-addr http=127.0.0.1:9000
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "workerd.js", esModule = embed "src/workerd.js"),
    (name = "handler.js", esModule = embed "src/handler.js"),
    (name = "@storefront/sdk", esModule = embed "node_modules/@storefront/sdk/index.js"),
    (name = "@storefront/storefront_core.mjs", esModule = embed "node_modules/@storefront/sdk/storefront_core.mjs"),
    (name = "@storefront/sdk/core.wasm", wasm = embed "node_modules/@storefront/sdk/storefront_core.wasm"),
    (name = "@storefront/sdk/package.json", json = embed "node_modules/@storefront/sdk/package.json"),
    (name = "snapshot.json", text = embed "../data/shop.json"),
  ],
  compatibilityDate = "2024-09-23",
);
