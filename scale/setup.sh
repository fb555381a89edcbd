#!/usr/bin/env bash
# Makes the Python environment of the scale-out job: a virtual environment (default
# target/scale-venv) with pyspark, pyarrow and pandas from PyPI, and Parallax's Python bindings
# built from this checkout with maturin. Prints the environment's python.
# usage: scale/setup.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-target/scale-venv}
if ! [ -x "$venv/bin/spark-class" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check \
        "pyspark==4.0.1" "pyarrow>=14" "pandas>=2" "maturin>=1.5,<2" >&2
fi
rm -rf target/wheels
"$venv/bin/maturin" build --quiet --release -m crates/parallax-py/Cargo.toml --out target/wheels >&2
"$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/*.whl >&2
echo "$(cd "$venv" && pwd)/bin/python"
