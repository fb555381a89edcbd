#!/usr/bin/env bash
# `parallax analyze` of every document of a Multi-News clustering set pooled into one JSONL,
# against `wc -w` on the same file, side by side in one run: RUNS runs of each, alternating.
# Prints the medians, their ratio and how many cores the analysis kept busy.
#   benches/pooled.sh DATASET [RUNS]   (e.g. ../shared/data/multinews/val-clustering.jsonl.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:?usage: benches/pooled.sh DATASET [RUNS]}
runs=${2:-5}
out=bench-out/pooled
mkdir -p "$out"
cargo build --release --quiet --bin parallax
python3 - "$dataset" "$out/pooled.jsonl" <<'PY'
import gzip, json, sys
src, dst = sys.argv[1], sys.argv[2]
opener = gzip.open if src.endswith('.gz') else open
n = 0
with opener(src, 'rt', encoding='utf-8') as f, open(dst, 'w', encoding='utf-8') as o:
    for line in f:
        cluster = json.loads(line)
        for i, text in enumerate(cluster['documents']):
            if text.strip():
                o.write(json.dumps({'id': f"{cluster['id']}-{i}", 'text': text}) + '\n')
                n += 1
print(f'{n} documents, {sum(1 for _ in open(dst, "rb"))} lines', file=sys.stderr)
PY
bin=target/release/parallax
wc -w "$out/pooled.jsonl" >/dev/null   # warm the page cache
for _ in $(seq "$runs"); do
  # wc -w takes about 60 ms: timed to the microsecond (GNU time's %e prints truncated
  # hundredths); a decimal comma (some locales) is read as a point.
  start=${EPOCHREALTIME/,/.}
  wc -w "$out/pooled.jsonl" >/dev/null
  end=${EPOCHREALTIME/,/.}
  echo "$start $end" >>"$out/wc.times"
  /usr/bin/time -f '%e %U %S %M' -a -o "$out/analyze.times" \
    "$bin" analyze "$out/pooled.jsonl" --format json -o "$out/report.json" 2>/dev/null || true
done
python3 - "$out/wc.times" "$out/analyze.times" <<'PY'
import statistics, sys
def rows(path):
    return [list(map(float, l.split())) for l in open(path) if l[:1].isdigit()]
wc, an = rows(sys.argv[1]), rows(sys.argv[2])
w = statistics.median(r[1] - r[0] for r in wc)
a = statistics.median(r[0] for r in an)
cores = statistics.median((r[1] + r[2]) / r[0] for r in an)
peak = max(r[3] for r in an) / 1024
print(f'wc -w: median {w:.4f} s; parallax analyze: median {a:.2f} s, {cores:.2f} cores busy, '
      f'peak {peak:.0f} MB; ratio {a / w:.0f}x ({len(an)} runs each)')
PY
rm -f "$out/wc.times" "$out/analyze.times"
