#!/usr/bin/env bash
# Load on `parallax serve`: story pages of a store of 10,000 articles, requested at random by wrk
# over 64 connections for 15 s, while a `parallax ingest` of further articles (and updated
# copies of stored ones) runs into the same store. Prints requests/s and latency percentiles.
# usage: benches/serve.sh DATASET   (a Multi-News clustering JSONL, e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
# Needs wrk (apt-get install wrk). PARALLAX_BIN picks the binary (default: target/release/parallax,
# built here). benches/serve_load.sh adds 1,000 concurrent connections and measures memory.
set -euo pipefail
dataset=$(realpath "${1:?usage: benches/serve.sh DATASET}")
if [[ -n "${PARALLAX_BIN:-}" ]]; then
    bin=$(realpath "$PARALLAX_BIN")
fi
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
out=bench-out/serve
mkdir -p "$out"
if [[ -z "${bin:-}" ]]; then
    cargo build --release --quiet --bin parallax
    bin=target/release/parallax
fi
python3 benches/articles.py "$dataset" "$out/base.jsonl" "$out/live.jsonl" 10000
rm -f "$out"/store.db*
"$bin" ingest "$out/base.jsonl" --db "$out/store.db" 2>"$out/base.log" || true
tail -1 "$out/base.log"
"$bin" stories --db "$out/store.db" --format json --limit 1000000 \
    | python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in sys.stdin]' >"$out/ids.txt"
echo "story pages to request: $(wc -l <"$out/ids.txt")"

port=18087
"$bin" serve --db "$out/store.db" --addr "127.0.0.1:$port" 2>"$out/serve.log" &
server=$!
trap 'kill $server $ingest 2>/dev/null || true' EXIT
ingest=""
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

"$bin" ingest "$out/live.jsonl" --db "$out/store.db" 2>"$out/live.log" &
ingest=$!
sleep 1
wrk -t2 -c64 -d15s --latency -s benches/story.lua "http://127.0.0.1:$port" | tee "$out/wrk.txt"
if kill -0 "$ingest" 2>/dev/null; then
    echo "the concurrent ingest was still running when wrk finished"
else
    echo "note: the concurrent ingest finished before wrk did"
fi
wait "$ingest" || true
tail -1 "$out/live.log"
