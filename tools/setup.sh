#!/usr/bin/env bash
# Installs everything the Storefront SDK needs on Debian 12, idempotently:
#   - Debian packages: compilers, CMake/Ninja, Abseil, nlohmann_json, xxHash, ICU, GoogleTest,
#     Google Benchmark, CLI11, OpenSSL, cpp-httplib, Emscripten, Chromium;
#   - npm packages pinned by package-lock.json (workerd, Deno, Vite, ajv, playwright-core, TypeScript);
#   - Abseil's Debian source package, unpacked into build/deps/ for the wasm build.
# Nothing is downloaded from anywhere but Debian's and npm's registries.
#
# Usage: tools/setup.sh [--native-only]   (--native-only skips Emscripten, Chromium and npm)
set -euo pipefail

cd "$(dirname "$0")/.."
native_only=0
[[ "${1:-}" == "--native-only" ]] && native_only=1

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
log() { printf '[setup] %s\n' "$*"; }

native_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates clang libclang-rt-14-dev
  libabsl-dev nlohmann-json3-dev libxxhash-dev libicu-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcli11-dev libssl-dev libcpp-httplib-dev
)
web_packages=(emscripten nodejs npm dpkg-dev chromium chromium-driver xz-utils)

packages=("${native_packages[@]}")
(( native_only )) || packages+=("${web_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's nodejs conflicts with an already installed Node.js from another source; keep that one.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

deb_src=/etc/apt/sources.list.d/storefront-deb-src.sources
need_update=0
(( ${#missing[@]} )) && need_update=1
if (( ! native_only )) && [[ ! -f build/deps/abseil-src/CMakeLists.txt ]] && [[ ! -f $deb_src ]]; then
  # Abseil for wasm is built from Debian's own source package: add the deb-src entry for it.
  as_root tee "$deb_src" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if (( need_update )); then
  log "apt-get update"
  as_root apt-get update -qq
fi
if (( ${#missing[@]} )); then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi

(( native_only )) && { log "done (native only)"; exit 0; }

if [[ ! -f build/deps/abseil-src/CMakeLists.txt ]]; then
  log "unpacking Abseil's Debian source package into build/deps/abseil-src"
  work=$(mktemp -d)
  # dpkg-source applies Debian's patches, so the wasm build compiles the same Abseil as libabsl-dev.
  (cd "$work" && apt-get source --download-only abseil >/dev/null 2>&1 && dpkg-source -x abseil_*.dsc src >/dev/null)
  # ...except latomic.diff, which adds "-Wl,--as-needed -latomic" for armel: wasm-ld knows neither
  # the flag nor the library, and wasm needs no libatomic.
  patch -R -s -d "$work/src" -p1 < "$work/src/debian/patches/latomic.diff"
  mkdir -p build/deps
  rm -rf build/deps/abseil-src
  mv "$work/src" build/deps/abseil-src
  rm -rf "$work"
else
  log "Abseil source already unpacked"
fi

if [[ ! -d node_modules ]] || ! npm ls --depth=0 >/dev/null 2>&1; then
  # `npm install` (which follows package-lock.json and leaves it unchanged), not `npm ci`: the
  # registry reachable here serves only this platform's builds of workerd and Deno, so the lock
  # cannot list the other platforms' optional packages, and npm 11's `ci` refuses a lock without them.
  log "npm install (pinned by package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
else
  log "npm packages already installed"
fi
log "done"
