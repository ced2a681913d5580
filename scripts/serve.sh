#!/usr/bin/env bash
# Serves the demo site with live reload at http://127.0.0.1:8080, installing missing tools first.
# Extra arguments go to `trunk serve` (e.g. --release, --port 9000).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_build_tools
cd "$VITA_ROOT"
exec trunk serve "$@"
