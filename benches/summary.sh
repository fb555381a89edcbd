#!/usr/bin/env bash
# Summaries: Parallax against sumy's LexRank (installed here from PyPI in a virtual environment,
# with Google's rouge-score) on the same clusters in one run: ROUGE-1/2/Lsum and time per cluster.
# usage: benches/summary.sh DATASET [WORDS]   (e.g. ../shared/data/multinews/dev-raw.jsonl)
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/summary.sh DATASET [WORDS]}
words=${2:-260}
bin=target/release/parallax
[ -x "$bin" ] || { echo "missing $bin: run cargo build --release --bin parallax" >&2; exit 1; }
venv=bench-out/venv-summary
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import sumy, rouge_score' 2>/dev/null \
    || "$venv/bin/pip" install --quiet "sumy==0.13.0" "rouge-score==0.1.2" numpy
exec "$venv/bin/python" benches/summary.py "$PWD/$bin" "$dataset" "$words"
