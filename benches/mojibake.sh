#!/usr/bin/env bash
# Mojibake repair: Parallax against Python's ftfy (installed here from PyPI in a virtual
# environment) on the same broken strings in one run: strings repaired exactly, per charset,
# and correct strings changed.
# usage: benches/mojibake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example repair
venv=bench-out/venv-ftfy
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import ftfy' 2>/dev/null || "$venv/bin/pip" install --quiet "ftfy==6.3.1"
exec "$venv/bin/python" benches/mojibake.py target/release/examples/repair crates/parallax/tests/mojibake.rs
