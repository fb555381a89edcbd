"""Headlines found in scraped page text, checked against each page's address.

    python3 benches/titles.py DATASET [--bin target/release/parallax] [--show]

DATASET is a text-cleaning set (JSONL of `{"id", "url", "page_text", ...}`, such as
`../shared/data/text-cleaning/dev.jsonl`). Each page's text goes through `parallax extract`,
which finds the headline among the lines before the article. Most news addresses end in a slug
made of the headline's words ("/2019/11/port-reopens-after-storm"), so the slug labels the page
without reading it: a title is counted right when it holds at least half of the slug's words of
three letters or more, wrong when it holds fewer, and missed when no title is found. Pages
whose address has no slug of three words or more are left out. The label is rough (a slug may
be shortened or reworded, so a right headline can count as wrong), and the same for every build
compared. Prints the counts on the pages at even and odd places apart, so that a rule built on
one half can be checked on the other.
"""

import argparse
import json
import os
import re
import subprocess
import tempfile


def slug_words(url):
    parts = [p for p in re.split(r"[/?#]", url) if p][2:]
    slug = max(parts or [""], key=lambda p: p.count("-"))
    slug = re.sub(r"\.(html?|php|aspx?)$", "", slug)
    if slug.count("-") < 2:
        return set()
    return {w for w in re.split(r"[-_.]", slug.lower()) if w.isalpha() and len(w) > 2}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--bin", default="target/release/parallax")
    ap.add_argument("--show", action="store_true", help="print each page's title and slug")
    args = ap.parse_args()
    with open(args.dataset, encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "pages.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for p in pages:
                f.write(json.dumps({"id": p["id"], "text": p["page_text"]}) + "\n")
        run = subprocess.run(
            [args.bin, "extract", path, "--format", "json"], capture_output=True, text=True
        )
    found = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if len(found) != len(pages):
        raise SystemExit(f"{len(found)} records for {len(pages)} pages: {run.stderr[:400]}")
    halves = {"even": [0, 0, 0, 0], "odd": [0, 0, 0, 0]}
    for i, (page, record) in enumerate(zip(pages, found)):
        slug = slug_words(page["url"])
        if not slug:
            continue
        title = record.get("title") or ""
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", title) if len(w) > 2}
        share = len(words & slug) / len(slug)
        tally = halves["even" if i % 2 == 0 else "odd"]
        tally[3] += 1
        if not title:
            tally[2] += 1
            verdict = "missed"
        elif share >= 0.5:
            tally[0] += 1
            verdict = "right"
        else:
            tally[1] += 1
            verdict = "wrong"
        if args.show:
            print(f"{verdict:6} {share:.2f} | {title[:100]} | {' '.join(sorted(slug))[:70]}")
    out = {
        half: {"pages": t[3], "right": t[0], "wrong": t[1], "missed": t[2]}
        for half, t in halves.items()
    }
    out["all"] = {k: out["even"][k] + out["odd"][k] for k in out["even"]}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
