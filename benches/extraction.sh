#!/usr/bin/env bash
# HTML extraction: Parallax against Python trafilatura (installed here from PyPI in a virtual
# environment) on the same pages in one run: F1, precision, recall, pages/s and their ratio.
# usage: benches/extraction.sh DATASET_DIR   (e.g. ../shared/data/extraction)
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/extraction.sh DATASET_DIR}
bin=target/release/parallax
[ -x "$bin" ] || { echo "missing $bin: run cargo build --release --bin parallax" >&2; exit 1; }
venv=bench-out/venv-extract
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import trafilatura' 2>/dev/null \
    || "$venv/bin/pip" install --quiet "trafilatura==2.3.1" lxml_html_clean
exec "$venv/bin/python" benches/extraction.py "$PWD/$bin" "$dataset"
