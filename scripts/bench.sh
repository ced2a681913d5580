#!/usr/bin/env bash
# The benchmark: builds the site, generates large data files, times the build step (vita-render)
# over them and the bibliography readers (vita-check --timings), then measures load, first paint, list rendering, scrolling, search and memory in
# headless Chromium against baselines and audits pages with Lighthouse, and prints one table
# (also saved to bench/results.md, raw numbers in bench/results.json).
#
#   ./scripts/bench.sh [--runs N] [--throttle RATE] [--sizes 10000,100000] [--seed S]
#
#   --runs N        cold runs per figure (default 5); the table shows the median and the min
#   --throttle R    CPU slowdown applied through Chromium's DevTools protocol (default 1: none)
#   --sizes LIST    numbers of papers to generate and load (default 10000,100000); scrolling,
#                   search and the memory budget use the smallest
#   --seed S        seed of the generated data (default 1)
#
# Not part of ./scripts/test.sh: it takes minutes, and its figures depend on the machine. The
# build goes to target/bench/dist (dist/ is left alone) and the data to target/bench/, where a
# file already generated for a size and seed is reused (delete target/bench/site-*.json after
# changing vita-gen).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=5 throttle=1 sizes=10000,100000 seed=1
while (($# > 0)); do
  [[ $# -ge 2 ]] || die "$1 needs a value (see the header of $0)"
  case $1 in
    --runs) runs=$2 ;;
    --throttle) throttle=$2 ;;
    --sizes) sizes=$2 ;;
    --seed) seed=$2 ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
  shift 2
done

ensure_build_tools
ensure_browser

# Lighthouse, from bench/lighthouse/package-lock.json, apart from the project's tools: only the
# benchmark needs it. Reinstalled only when that lock file changes.
ensure_lighthouse() {
  local folder="$VITA_ROOT/bench/lighthouse" stamp wanted
  stamp="$folder/node_modules/.vita-lock-sha"
  wanted=$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)
  [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]] && return
  say "installing Lighthouse for the benchmark"
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$wanted" >"$stamp"
}

# GNU time, which reports the build step's peak memory.
ensure_gnu_time() {
  [[ -x /usr/bin/time ]] && return
  say "installing GNU time from Debian's packages"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq time >/dev/null
}

ensure_lighthouse
ensure_gnu_time
cd "$VITA_ROOT"
out=target/bench
mkdir -p "$out"

say "building the site (release) into $out/dist"
# trunk logs to standard output, which is kept for the table.
trunk build --release --dist "$out/dist" >&2

say "building vita-gen and vita-check"
cargo build --quiet --release --bin vita-gen --bin vita-check
IFS=, read -ra size_list <<<"$sizes"
for size in "${size_list[@]}"; do
  data="$out/site-$size-seed$seed.json"
  if [[ ! -s $data ]]; then
    say "generating $size papers (seed $seed)"
    # Written aside, then renamed: an interrupted run never leaves a truncated file to reuse.
    target/release/vita-gen --papers "$size" --seed "$seed" --out "$data.partial"
    mv "$data.partial" "$data"
  fi
done

say "measuring ($runs runs, throttle ${throttle}x)"
node bench/run.mjs --dist "$out/dist" --data-dir "$out" --out bench \
  --runs "$runs" --throttle "$throttle" --sizes "$sizes" --seed "$seed"
