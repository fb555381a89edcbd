#!/usr/bin/env bash
# A feed of N entries (default 1,000) served on 127.0.0.1 by Python's threading HTTP server:
# each entry a page of Multi-News text. Times `parallax ingest FEED_URL` into a new store
# (fetching every page included) and prints pages per second; then `parallax follow --once`
# twice, the second answered 304 (nothing fetched).
# usage: benches/feed.sh DATASET [N]   (a Multi-News clustering JSONL, e.g.
#        ../shared/data/multinews/val-clustering.jsonl.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/feed.sh DATASET [N]}
n=${2:-1000}
out=bench-out/feed
rm -rf "$out" && mkdir -p "$out/site/news"
cargo build --release --quiet --bin parallax
bin=${PARALLAX_BIN:-target/release/parallax}
port=18093
python3 - "$dataset" "$out/site" "$n" "$port" <<'PY'
import gzip, html, json, sys
dataset, site, n, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
opener = gzip.open if dataset.endswith(".gz") else open
items = []
with opener(dataset, "rt", encoding="utf-8") as f:
    for line in f:
        cluster = json.loads(line)
        for i, text in enumerate(cluster["documents"]):
            if len(items) == n:
                break
            name = f"{cluster['id']}-{i}"
            title = " ".join(text.split()[:8])
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
            with open(f"{site}/news/{name}.html", "w", encoding="utf-8") as page:
                page.write(f"<!doctype html><html><head><title>{html.escape(title)}</title></head>"
                           f"<body><article>{paras}</article></body></html>")
            items.append(f"<item><title>{html.escape(title)}</title>"
                         f"<link>http://127.0.0.1:{port}/news/{name}.html</link></item>")
        if len(items) == n:
            break
with open(f"{site}/feed.xml", "w", encoding="utf-8") as feed:
    feed.write('<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>'
               + "".join(items) + "</channel></rss>")
PY
(cd "$out/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/feed.xml" >/dev/null && break; sleep 0.1; done
start=$(date +%s.%N)
"$bin" ingest "http://127.0.0.1:$port/feed.xml" --db "$out/store.db" 2>"$out/ingest.log" || true
end=$(date +%s.%N)
tail -1 "$out/ingest.log"
added=$(sed -n 's/^parallax: \([0-9]*\) added.*/\1/p' "$out/ingest.log" | tail -1)
python3 -c "import sys; a,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'feed of $n entries: {a} pages fetched and ingested in {e-s:.2f} s: {a/(e-s):.0f} pages/s')" "$added" "$start" "$end"
echo "http://127.0.0.1:$port/feed.xml" >"$out/feeds.txt"
"$bin" follow "$out/feeds.txt" --db "$out/follow.db" --once 2>&1 | tail -1
start=$(date +%s.%N)
"$bin" follow "$out/feeds.txt" --db "$out/follow.db" --once 2>&1 | tail -1
end=$(date +%s.%N)
python3 -c "import sys; print(f'second round (unchanged feed): {float(sys.argv[2])-float(sys.argv[1]):.2f} s')" "$start" "$end"
