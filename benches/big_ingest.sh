#!/usr/bin/env bash
# Memory of `parallax ingest` on large inputs, whole process (peak resident set, GNU time):
#   - 20 text files just under the 10 MiB input cap, each one giant document;
#   - a 1 GB CC-NEWS-style WARC (a gzip member per HTML response record).
# The inputs are built by benches/big_inputs.py from a Multi-News clustering set.
#   benches/big_ingest.sh DATASET [OUT_DIR]   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
# SKIP_GIANT=1 runs the WARC alone.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/big_ingest.sh DATASET [OUT_DIR]}
out=${2:-bench-out/big}
mkdir -p "$out"
cargo build --release --quiet --bin parallax
if ! [ -f "$out/crawl.warc.gz" ]; then
  python3 benches/big_inputs.py "$dataset" "$out"
fi
bin=target/release/parallax
run() {
  local name=$1; shift
  rm -f "$out/$name.db" "$out/$name.db-wal" "$out/$name.db-shm"
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$bin" ingest --db "$out/$name.db" "$@" 2> "$out/$name.log" || true
  read -r secs kb < <(tail -1 "$out/$name.time")
  printf '%-28s %8.1f s   peak %6d MB   %s\n' "$name" "$secs" "$((kb / 1024))" "$(tail -1 "$out/$name.log")"
}
[ "${SKIP_GIANT:-}" ] || run giant-files "$out/giant"
run warc "$out/crawl.warc.gz"
