#!/usr/bin/env bash
# Ingest speed into the store: `parallax ingest` of 10,000 JSONL articles into a new SQLite file.
# usage: benches/ingest.sh DATASET   (a Multi-News clustering JSONL, e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/ingest.sh DATASET}
out=bench-out/ingest
mkdir -p "$out"
cargo build --release --quiet --bin parallax
python3 benches/articles.py "$dataset" "$out/base.jsonl" "$out/live.jsonl" 10000
rm -f "$out"/store.db*
start=$(date +%s.%N)
target/release/parallax ingest "$out/base.jsonl" --db "$out/store.db" 2>"$out/ingest.log" || true
end=$(date +%s.%N)
tail -1 "$out/ingest.log"
python3 - "$start" "$end" "$out/store.db" <<'PY'
import sqlite3, sys
start, end, db = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
docs = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
print(f"ingest: {docs} articles in {end - start:.1f} s = {docs / (end - start):.0f} articles/s "
      f"(prepare, copies, stories, analysis and search index, on {__import__('os').cpu_count()} cores)")
PY
