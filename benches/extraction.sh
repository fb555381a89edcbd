#!/usr/bin/env bash
# HTML extraction: Parallax against Python trafilatura (installed here from PyPI in a virtual
# environment) on the same pages in one run: F1, precision, recall, pages/s and their ratio.
# usage: benches/extraction.sh DATASET_DIR   (e.g. ../shared/data/extraction)
# Uses the already built target/release/parallax (build it with `cargo build --release` first).
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/peers.sh
dataset=${1:?usage: benches/extraction.sh DATASET_DIR}
bin=$(parallax_binary)
python=$(peer_python venv-extract 'import trafilatura' "trafilatura==2.3.1" lxml_html_clean)
exec "$python" benches/extraction.py "$bin" "$dataset"
