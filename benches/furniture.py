"""Page furniture in scraped news text, line by line, on lines annotated by hand.

    python3 benches/furniture.py MULTINEWS_RAW_JSONL [--labels benches/data/furniture-lines.jsonl]
                                 [--bin target/release/parallax] [--show]

`benches/data/furniture-lines.jsonl` names 88 lines of the raw Multi-News development documents
(`dev-raw.jsonl`: cluster, document and line numbers, and the first 16 hex digits of the
line's SHA-1, to check that the file is the same). They were drawn at random (seed 5) from the 501 lines of 300
characters or less that match a pattern for furniture-like words (photo, video, watch,
copyright, related, a clock time, a closing question mark, and the like), so that both
furniture and article sentences that mention such things are drawn, and each was labelled by
hand, reading its document: `article` (the outlet's text, a live-blog entry with its time, a
question heading a section of an explainer, an embedded post) or `furniture` with its kind
(caption, video, related, share, byline, copyright; in the second draw below also rule, notice,
teaser and contact). Two lines that could not be decided (a correction notice, a line that may
be a caption) were left out. Two lines that are only a clock time heading a live-blog entry
("2:30 a.m.") were first labelled furniture and are now labelled `article` (kind `entry-time`):
the extraction benchmark's gold keeps such lines, and Parallax keeps an entry's time when it
opens the entry's line, so it keeps it on a line of its own too.

`benches/data/furniture-lines-uniform.jsonl` (pass it with `--labels`) is a second draw, made
after every cleaning rule of the time was written and used to build none: 90 lines at random
(seed 11) from all 2,962 lines of 1 to 200 characters not in the first draw, whatever their
words, so that it shows how ordinary lines fare as well as furniture. Each was labelled by hand
the same way, reading the lines around it; 12 were left out as undecidable or not news (lines of
an encyclopedia page, a transcript's stage direction, a page headline, a film's rating, a list
heading, a press release's contact list, a word fragment), leaving 78 (66 article lines, 12
furniture: captions, rule lines, share and newsletter prompts, a video player's caption, a
contact line, a redirect notice, a teaser).

Each referenced document is cleaned by `parallax analyze`, and a line counts as kept when a
line of the cleaned text is exactly it. Prints, for furniture, how much is removed, and for article
lines, how much is kept, with counts per kind; `--show` lists each line decided wrongly.
"""

import argparse
import collections
import hashlib
import json
import os
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("multinews_raw")
    ap.add_argument("--labels", default="benches/data/furniture-lines.jsonl")
    ap.add_argument("--bin", default="target/release/parallax")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    with open(args.multinews_raw, encoding="utf-8") as f:
        clusters = [json.loads(line)["documents"] for line in f]
    with open(args.labels, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    docs = sorted({(l["cluster"], l["document"]) for l in labels})
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for c, d in docs:
                f.write(json.dumps({"id": f"{c}_{d}", "text": clusters[c][d]}) + "\n")
        out = subprocess.run([args.bin, "analyze", path, "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    by_id = {d["id"]: d for d in report["documents"]}
    counts = collections.defaultdict(lambda: [0, 0])
    wrong = []
    for l in labels:
        line = clusters[l["cluster"]][l["document"]].split("\n")[l["line"]].strip()
        assert hashlib.sha1(line.encode()).hexdigest()[:16] == l["sha1"], l
        doc = by_id.get(f"{l['cluster']}_{l['document']}")
        kept_lines = {k.strip() for k in doc["text"].split("\n")} if doc else set()
        removed = line not in kept_lines
        right = removed if l["label"] == "furniture" else not removed
        key = l["label"] + (f" ({l['kind']})" if l["kind"] else "")
        for k in {l["label"], key}:
            counts[k][0] += right
            counts[k][1] += 1
        if not right:
            wrong.append((key, line[:120]))
    summary = {k: f"{ok}/{n}" for k, (ok, n) in sorted(counts.items())}
    print(json.dumps({"furniture removed, article kept": summary}, indent=1))
    if args.show:
        for key, line in wrong:
            print(f"{key}: {line}")


if __name__ == "__main__":
    main()
