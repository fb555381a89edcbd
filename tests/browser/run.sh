#!/usr/bin/env bash
# Headless-browser tests of the web UI: installs playwright-core when needed, then runs run.mjs
# against the parallax binary in $PARALLAX_BIN (default: target/release/parallax).
set -euo pipefail
# A relative PARALLAX_BIN means relative to where we were called from.
if [[ -n "${PARALLAX_BIN:-}" && "$PARALLAX_BIN" != /* ]]; then
    export PARALLAX_BIN="$PWD/$PARALLAX_BIN"
fi
cd "$(dirname "$0")"

if [[ ! -d node_modules ]]; then
    # playwright-core has no browser download of its own; we use Debian's Chromium.
    npm ci --no-audit --no-fund
fi

if [[ ! -x /usr/bin/chromium ]]; then
    echo "error: /usr/bin/chromium not found; install Debian's Chromium: apt-get install -y chromium" >&2
    exit 1
fi

exec node run.mjs
