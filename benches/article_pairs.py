"""Hard pairs of articles about different events, each analyzed as a folder of two.

    python3 benches/article_pairs.py CONVERTED.jsonl [--step 4] [--gap-days 30]
                                     [--bin target/release/parallax]

CONVERTED.jsonl is a split of PolNeAR converted by `benches/polnear.py` (one article a line, its
date in its id: `outlet_YYYY-MM-DD_slug`). For every STEP-th article, the article published at
least GAP days before or after it whose set of lower-case words overlaps its own most (Jaccard)
is its pair: political news of 2016 a month apart names the same candidates in the same words,
but reports different events. Each pair is analyzed alone, as a user analyzes a folder, and the
script prints how many pairs came out as one story (the fewer the better). It checks that what
joins the angles of one event in a small input (`cluster` module) does not join such pairs.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("converted")
    ap.add_argument("--step", type=int, default=4)
    ap.add_argument("--gap-days", type=int, default=30)
    ap.add_argument("--bin", default="target/release/parallax")
    args = ap.parse_args()
    with open(args.converted, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    # Articles without a date in their id, or without words, cannot be paired.
    dated = [a for a in articles if re.search(r"_\d{4}-\d{2}-\d{2}_", a["id"]) and a["text"].strip()]
    articles = dated
    days = [datetime.date.fromisoformat(re.search(r"_(\d{4}-\d{2}-\d{2})_", a["id"]).group(1))
            for a in articles]
    words = [set(re.findall(r"[a-z]+", a["text"].lower())) for a in articles]

    def overlap(i, j):
        union = len(words[i] | words[j])
        return len(words[i] & words[j]) / union if union else 0.0

    pairs = joined = failed = 0
    for i in range(0, len(articles), args.step):
        far = [j for j in range(len(articles)) if abs((days[i] - days[j]).days) >= args.gap_days]
        if not far:
            continue
        j = max(far, key=lambda j: overlap(i, j))
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "pair.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for k in (i, j):
                    f.write(json.dumps({"id": articles[k]["id"], "text": articles[k]["text"]}) + "\n")
            run = subprocess.run([args.bin, "analyze", path, "--format", "json"],
                                 capture_output=True, text=True)
        try:
            stories = json.loads(run.stdout)["stories"]
        except (ValueError, KeyError):
            failed += 1
            continue
        pairs += 1
        joined += len(stories) == 1
    print(json.dumps({"pairs": pairs, "joined": joined, "failed": failed}))


if __name__ == "__main__":
    main()
