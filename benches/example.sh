#!/usr/bin/env bash
# Times `parallax analyze` on the bundled example in a release build: the whole process, from
# start to report, over RUNS runs. Prints the median and the slowest run in milliseconds.
#   benches/example.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
cargo build --release --quiet --bin parallax
bin=target/release/parallax
"$bin" analyze --format json -o /dev/null   # warm the page cache
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$bin" analyze --format json -o /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '
  { t[NR] = $1 }
  END { printf "parallax analyze (bundled example, %d runs): median %.1f ms, slowest %.1f ms\n", n, t[int((n + 1) / 2)] / 1000, t[n] / 1000 }'
