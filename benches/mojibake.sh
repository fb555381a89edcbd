#!/usr/bin/env bash
# Mojibake repair: Parallax against Python's ftfy (installed here from PyPI in a virtual
# environment) on the same broken strings in one run: strings repaired exactly, per charset,
# and correct strings changed.
# usage: benches/mojibake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/peers.sh
cargo build --release --quiet --example repair
python=$(peer_python venv-ftfy 'import ftfy' "ftfy==6.3.1")
exec "$python" benches/mojibake.py target/release/examples/repair crates/parallax/tests/mojibake.rs
