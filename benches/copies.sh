#!/usr/bin/env bash
# Copy detection: Parallax's `copies` table against datasketch MinHash LSH, on originals from a
# Multi-News clustering file and light / twice / lifted / shuffled copies derived from them.
# usage: benches/copies.sh DATASET [N]   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz 2000)
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/copies.sh DATASET [N]}
n=${2:-2000}
bin=target/release/parallax
[ -x "$bin" ] || { echo "missing $bin: run cargo build --release --bin parallax" >&2; exit 1; }
venv=bench-out/venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import datasketch' 2>/dev/null || "$venv/bin/pip" install --quiet datasketch
exec "$venv/bin/python" benches/copies.py "$PWD/$bin" "$dataset" "$n"
