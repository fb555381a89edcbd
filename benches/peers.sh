# Shared by the side-by-side benchmarks; source it from a script run at the repository's root.

# The release binary the benchmarks run; stops with a hint when it is not built.
parallax_binary() {
    local bin=target/release/parallax
    [ -x "$bin" ] || { echo "missing $bin: run cargo build --release --bin parallax" >&2; exit 1; }
    echo "$PWD/$bin"
}

# A Python virtual environment under bench-out/ holding the peer's packages (installed from PyPI
# on first use); prints its interpreter's path.
# usage: peer_python VENV_NAME "import check" PACKAGE...
peer_python() {
    local venv="bench-out/$1" check=$2
    shift 2
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv" >&2
    fi
    "$venv/bin/python" -c "$check" 2>/dev/null || "$venv/bin/pip" install --quiet "$@" >&2
    echo "$venv/bin/python"
}
