#!/usr/bin/env bash
# Story clustering: Parallax against scikit-learn TF-IDF baselines (installed here from PyPI in a
# virtual environment) on the same pooled documents in one run, BCubed P / R / F1 and documents/s.
# usage: benches/clustering.sh DATASET   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
# Needs about 2 GB of memory for the agglomerative baseline's distance matrix.
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/clustering.sh DATASET}
bin=target/release/parallax
[ -x "$bin" ] || { echo "missing $bin: run cargo build --release --bin parallax" >&2; exit 1; }
venv=bench-out/venv-cluster
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import sklearn, scipy' 2>/dev/null \
    || "$venv/bin/pip" install --quiet "scikit-learn==1.9.1" scipy numpy
exec "$venv/bin/python" benches/clustering.py "$PWD/$bin" "$dataset"
