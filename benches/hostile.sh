#!/usr/bin/env bash
# Hostile input, timed whole-process: text dense with quotation marks (the worst case the
# attribution stage has met) at three sizes, and a giant story (thousands of similar documents,
# each from its own outlet) rendered as HTML. Linear work keeps seconds per MB flat.
# usage: benches/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-out/hostile
mkdir -p "$out"
cargo build --release --quiet --bin parallax
bin=${PARALLAX_BIN:-target/release/parallax}
python3 - "$out" <<'PY'
import json, random, sys
out = sys.argv[1]
units = {"straight": '"a " said Ann. ', "curly": "\u201ca \u201d said Ann. ",
         "unclosed": "\u201cShe left, Ann said. \"Yes\" \u201cno "}
for name, unit in units.items():
    for mb in (1, 4):
        with open(f"{out}/{name}-{mb}mb.txt", "w") as f:
            f.write(unit * (mb * 1_000_000 // len(unit.encode())))
random.seed(1)
with open(f"{out}/story.jsonl", "w") as f:
    for i in range(5000):
        text = (f"The river flooded the valley town of Elmstead on Monday, officials said. "
                f"More than 200 homes were damaged. \"We have never seen water this high,\" said "
                f"Nora Quint, the mayor. Correspondent {i} counted {random.randint(5, 500)} "
                f"volunteers in the ward of Hollin {i}.")
        f.write(json.dumps({"id": f"a{i}", "text": text, "outlet": f"Outlet {i}"}) + "\n")
PY
for f in "$out"/*mb.txt; do
    bytes=$(stat -c %s "$f")
    /usr/bin/time -f "%e %M" -o "$out/time" "$bin" analyze --format json "$f" -o /dev/null
    read -r secs kb <"$out/time"
    python3 -c "import sys; b,s,k=map(float,sys.argv[1:4]); print(f'{sys.argv[4]:<28} {b/1e6:5.2f} MB  {s:6.2f} s  {s/(b/1e6):5.2f} s/MB  peak {k/1024:6.0f} MB')" "$bytes" "$secs" "$kb" "$(basename "$f")"
done
for n in 1000 5000; do
    head -n "$n" "$out/story.jsonl" >"$out/story-$n.jsonl"
    /usr/bin/time -f "%e %M" -o "$out/time" "$bin" analyze --format html "$out/story-$n.jsonl" -o "$out/story-$n.html"
    read -r secs kb <"$out/time"
    echo "giant story, $n documents, HTML: ${secs} s, peak $((kb / 1024)) MB, page $(($(stat -c %s "$out/story-$n.html") / 1024)) KB"
done
