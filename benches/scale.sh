#!/usr/bin/env bash
# Scale-out figures: N generated articles (default 50,000; scale/generate.py) through
# single-machine `parallax ingest` (2 cores), then through the Spark job on a loopback cluster of
# one worker and of two workers (one core each); prints documents per second of each run and the
# job's time per phase (from its summary.json).
# usage: benches/scale.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
work=bench-out/scale
rm -rf "$work" && mkdir -p "$work"
cargo build --quiet --release --bin parallax
python=$(scale/setup.sh)
python3 scale/generate.py scale/data/multinews-bases.jsonl.gz "$n" "$work/input" --shards 8 --warc 300
started=$SECONDS
target/release/parallax ingest "$PWD/$work/input" --db "$work/single.db" 2>"$work/ingest.log" || true
ingest_s=$((SECONDS - started))
for workers in 1 2; do
    scale/cluster.sh "$python" "$workers" "$work/input" --out "$work/out$workers" >"$work/job$workers.log" 2>&1
done
"$python" - "$work" "$ingest_s" <<'PY'
import json, sqlite3, sys
work, ingest_s = sys.argv[1], float(sys.argv[2])
docs = sqlite3.connect(f"{work}/single.db").execute("SELECT count(*) FROM documents").fetchone()[0]
print(f"parallax ingest, one machine (2 cores): {docs} documents in {ingest_s:.1f} s, {docs / ingest_s:.0f} documents/s")
for w in (1, 2):
    s = json.load(open(f"{work}/out{w}/summary.json"))
    print(f"Spark job, {w} worker(s): {s['documents']} documents in {s['seconds']} s, {s['documents'] / s['seconds']:.0f} documents/s; phases (s): {json.dumps(s['phases'])}")
PY
