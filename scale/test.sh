#!/usr/bin/env bash
# The scale-out test: generates N articles (default 50,000; real text, edited and recombined,
# plus a WARC shard with bad records), runs `parallax ingest` on them on this machine, runs the
# Spark job on a standalone cluster of two workers on 127.0.0.1, and checks that the job's
# documents, copies, stories and rejected records equal the ingest's, and that its result loaded
# into a store (for `parallax serve`) holds the same documents, stories and copies.
# usage: scale/test.sh [N]   (needs Java 17 and the release binary: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
work=target/scale-test
rm -rf "$work" && mkdir -p "$work"
python=$(scale/setup.sh)
echo "== the Python bindings"
"$python" scale/test_bindings.py target/release/parallax
python3 scale/generate.py scale/data/multinews-bases.jsonl.gz "$n" "$work/input" --shards 8 --warc 300
echo "== parallax ingest, one machine ($n articles)"
# Rejected records make the exit status 1; the check below compares them with the job's.
status=0
started=$SECONDS
# The job orders and counts the whole input at once; so does this reference ingest (by default
# `parallax ingest` stores 16 MiB chunks, each in publication order, to bound its memory).
PARALLAX_INGEST_CHUNK_MB=0 target/release/parallax ingest "$PWD/$work/input" --db "$work/single.db" \
    2> "$work/ingest.log" || status=$?
echo "ingest: $((SECONDS - started)) s"
grep -v '^parallax: .*: ' "$work/ingest.log" | tail -3 || true
[ "$status" -le 1 ] || { cat "$work/ingest.log"; exit 1; }
echo "== the Spark job on two workers"
scale/cluster.sh "$python" 2 "$work/input" --out "$work/out" --db "$work/loaded.db"
"$python" scale/check.py "$work/out" "$work/single.db" --ingest-log "$work/ingest.log" --loaded "$work/loaded.db"
