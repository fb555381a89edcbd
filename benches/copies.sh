#!/usr/bin/env bash
# Copy detection: Parallax's `copies` table against datasketch MinHash LSH, on originals from a
# Multi-News clustering file and light / twice / lifted / shuffled copies derived from them.
# usage: benches/copies.sh DATASET [N]   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz 2000)
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/peers.sh
dataset=${1:?usage: benches/copies.sh DATASET [N]}
n=${2:-2000}
bin=$(parallax_binary)
python=$(peer_python venv 'import datasketch' datasketch)
exec "$python" benches/copies.py "$bin" "$dataset" "$n"
