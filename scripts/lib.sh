# Shared by the scripts in this folder: the tool versions, PATH, and idempotent installers.
# Each installer does nothing, silently, when its tool is already there at the right version.

VITA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown

export PATH="$VITA_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$VITA_ROOT/Cargo.lock"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx "$WASM_TARGET" && return
  say "adding the $WASM_TARGET Rust target"
  rustup target add "$WASM_TARGET"
}

ensure_trunk() {
  [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]] && return
  say "installing trunk $TRUNK_VERSION (compiles from source: about 13 minutes on 2 cores)"
  cargo install --quiet --locked trunk --version "$TRUNK_VERSION"
}

ensure_wasm_bindgen() {
  local version
  version=$(wasm_bindgen_version)
  [[ -n "$version" ]] || die "Cargo.lock names no wasm-bindgen version"
  [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $version" ]] && return
  say "installing wasm-bindgen-cli $version (compiles from source: a few minutes)"
  # Not --locked: the CLI's own lock file pins a crate version the registry no longer serves.
  cargo install --quiet --force wasm-bindgen-cli --version "$version"
}

# binaryen's wasm-opt (and the browser-test packages) from package-lock.json, reinstalled only
# when the lock file changes.
ensure_node_packages() {
  local stamp="$VITA_ROOT/node_modules/.vita-lock-sha" wanted
  wanted=$(sha256sum "$VITA_ROOT/package-lock.json" | cut -d' ' -f1)
  [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]] && return
  command -v npm >/dev/null || die "npm is missing: install Node.js 18 or newer"
  say "installing node packages (wasm-opt from binaryen, playwright-core, axe-core, pdf.js)"
  # Optional packages are pdf.js's canvas binaries, which only drawing pages needs.
  (cd "$VITA_ROOT" && npm ci --no-audit --no-fund --omit=optional --loglevel=error)
  echo "$wanted" >"$stamp"
}

ensure_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return
  say "installing chromium and chromium-driver from Debian's packages"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "chromium is missing and installing it needs root: apt-get install chromium chromium-driver"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
}

# Everything `trunk build` and `trunk serve` need.
ensure_build_tools() {
  ensure_wasm_target
  ensure_node_packages
  ensure_trunk
  ensure_wasm_bindgen
}
