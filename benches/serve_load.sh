#!/usr/bin/env bash
# Load on `parallax serve` with 1,000 connections at once. The setup of benches/serve.sh (a store
# of 10,000 Multi-News articles, and an ingest of further articles running into it), wrk asking
# for story pages over 64 connections, and meanwhile 1,000 concurrent keep-alive connections
# asking for story pages plus a fresh connection every 0.5 s asking for `/`
# (benches/many_connections.py), which samples the server's resident memory (peak: VmHWM) and
# open descriptors. The server runs under `ulimit -n 1024`, as in the hardening issue.
# Goal: peak memory under 500 MB, and every fresh-connection probe answered; exits 1 otherwise.
# usage: benches/serve_load.sh DATASET   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
# Env: PARALLAX_BIN (default target/release/parallax, built here), BASE_COUNT (10000),
#      CONNECTIONS (1000), SECONDS_UNDER_LOAD (15), SERVER_NOFILE (1024).
# Needs wrk (apt-get install wrk) and python3.
set -euo pipefail
dataset=$(realpath "${1:?usage: benches/serve_load.sh DATASET}")
if [[ -n "${PARALLAX_BIN:-}" ]]; then
    bin=$(realpath "$PARALLAX_BIN")
fi
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [[ -z "${bin:-}" ]]; then
    cargo build --release --quiet --bin parallax
    bin=target/release/parallax
fi
base_count=${BASE_COUNT:-10000}
connections=${CONNECTIONS:-1000}
seconds=${SECONDS_UNDER_LOAD:-15}
nofile=${SERVER_NOFILE:-1024}
out=bench-out/serve_load
mkdir -p "$out"
python3 benches/articles.py "$dataset" "$out/base.jsonl" "$out/live.jsonl" "$base_count"
rm -f "$out"/store.db*
"$bin" ingest "$out/base.jsonl" --db "$out/store.db" 2>"$out/base.log" || true
tail -1 "$out/base.log"
"$bin" stories --db "$out/store.db" --format json --limit 1000000 \
    | python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in sys.stdin]' >"$out/ids.txt"
echo "story pages to request: $(wc -l <"$out/ids.txt")"

port=18088
# The server alone gets the low descriptor limit; `exec` keeps its pid the one we sample.
( ulimit -n "$nofile"; exec "$bin" serve --db "$out/store.db" --addr "127.0.0.1:$port" ) 2>"$out/serve.log" &
server=$!
ingest=""
wrk_pid=""
trap 'kill $server $ingest $wrk_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

"$bin" ingest "$out/live.jsonl" --db "$out/store.db" 2>"$out/live.log" &
ingest=$!
sleep 1
PARALLAX_IDS="$out/ids.txt" wrk -t2 -c64 -d"${seconds}s" --latency -s benches/story.lua \
    "http://127.0.0.1:$port" >"$out/wrk.txt" &
wrk_pid=$!
ulimit -n 8192 2>/dev/null || true
python3 benches/many_connections.py "$port" "$server" "$out/ids.txt" "$connections" "$seconds" \
    | tee "$out/load.json"
wait "$wrk_pid" || true
wrk_pid=""
cat "$out/wrk.txt"
if kill -0 "$ingest" 2>/dev/null; then
    echo "the concurrent ingest was still running when the load ended"
else
    echo "note: the concurrent ingest finished before the load did"
fi
# After the load: does the server answer, and what does it hold now?
curl -sf -o /dev/null -w "after the load: / answered %{http_code} in %{time_total} s\n" "http://127.0.0.1:$port/"
echo "after the load: $(grep -E '^(VmRSS|VmHWM)' /proc/$server/status | tr -s ' \t' ' ' | paste -sd ' '), fds $(ls /proc/$server/fd | wc -l)"
python3 - "$out/load.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
ok = r["peak_rss_mb"] < 500 and r["probes_answered"] == r["probes"] and r["server_alive_at_end"]
print(f"peak RSS {r['peak_rss_mb']} MB (goal < 500), peak fds {r['peak_fds']}, "
      f"probes answered {r['probes_answered']}/{r['probes']} (slowest {r['probe_latency_max_s']} s): "
      + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
wait "$ingest" || true
ingest=""
tail -1 "$out/live.log"
