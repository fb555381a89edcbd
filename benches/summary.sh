#!/usr/bin/env bash
# Summaries: Parallax against sumy's LexRank (installed here from PyPI in a virtual environment,
# with Google's rouge-score) on the same clusters in one run: ROUGE-1/2/Lsum and time per cluster.
# usage: benches/summary.sh DATASET [WORDS]   (e.g. ../shared/data/multinews/dev-raw.jsonl)
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/peers.sh
dataset=${1:?usage: benches/summary.sh DATASET [WORDS]}
words=${2:-260}
bin=$(parallax_binary)
python=$(peer_python venv-summary 'import sumy, rouge_score' "sumy==0.13.0" "rouge-score==0.1.2" numpy)
exec "$python" benches/summary.py "$bin" "$dataset" "$words"
