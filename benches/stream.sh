#!/usr/bin/env bash
# Copy detection + story clustering at scale: streams N generated articles (real text from
# DATASET, edited and recombined) through one process; prints time, documents/s and index
# memory per document at each checkpoint.
# usage: benches/stream.sh DATASET [N] [CHECKPOINT...]
#   e.g. benches/stream.sh ../shared/data/multinews/val-clustering.jsonl.gz 1000000 100000 300000
set -euo pipefail
dataset=$(realpath "${1:?usage: benches/stream.sh DATASET [N] [CHECKPOINT...]}")
shift
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p parallax --bench stream -- "$dataset" "$@"
