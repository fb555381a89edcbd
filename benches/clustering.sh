#!/usr/bin/env bash
# Story clustering: Parallax against scikit-learn TF-IDF baselines (installed here from PyPI in a
# virtual environment) on the same pooled documents in one run, BCubed P / R / F1 and documents/s.
# usage: benches/clustering.sh DATASET   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
# Needs about 2 GB of memory for the agglomerative baseline's distance matrix.
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/peers.sh
dataset=${1:?usage: benches/clustering.sh DATASET}
bin=$(parallax_binary)
python=$(peer_python venv-cluster 'import sklearn, scipy' "scikit-learn==1.9.1" scipy numpy)
exec "$python" benches/clustering.py "$bin" "$dataset"
