"""HTML main-content extraction: Parallax against Python trafilatura on the same pages, one run.

usage: python benches/extraction.py PARALLAX_BINARY DATASET_DIR

DATASET_DIR has the layout of the article-extraction benchmark: `ground-truth.json`
({id: {"articleBody", "url"}}) and `html/<id>.html.gz`. Both extractors read the same decompressed
pages from memory on one core; the benchmark's metric (4-token shingles, mean precision and
recall over pages) scores both. Parallax's figures come from `parallax eval extraction`, which
times its whole page preparation (decode, extract, repair, clean) on one core; trafilatura is
timed here around `trafilatura.extract` in fast mode, the mode of the published figures.
"""

import collections
import gzip
import json
import os
import re
import subprocess
import sys
import time

import trafilatura

TOKEN = re.compile(r"\w+")


def shingles(text):
    toks = TOKEN.findall(text or "")
    if not toks:
        return collections.Counter()
    if len(toks) < 4:
        return collections.Counter([tuple(toks)])
    return collections.Counter(tuple(toks[i : i + 4]) for i in range(len(toks) - 3))


def score(pairs):
    ps, rs = [], []
    for predicted, truth in pairs:
        p, t = shingles(predicted), shingles(truth)
        tp = sum((p & t).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        if fp == 0 and fn == 0:
            ps.append(1.0)
            rs.append(1.0)
            continue
        if tp + fp:
            ps.append(tp / (tp + fp))
        if tp + fn:
            rs.append(tp / (tp + fn))
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main():
    binary, dataset = sys.argv[1], sys.argv[2]
    truth = json.load(open(os.path.join(dataset, "ground-truth.json"), encoding="utf-8"))
    pages = []
    for page_id, t in sorted(truth.items()):
        with gzip.open(os.path.join(dataset, "html", f"{page_id}.html.gz")) as f:
            pages.append((f.read().decode("utf-8", "replace"), t.get("url"), t["articleBody"]))

    started = time.perf_counter()
    outputs = [trafilatura.extract(html, url=url, fast=True) for html, url, _ in pages]
    seconds = time.perf_counter() - started
    traf = score([(o, t) for o, (_, _, t) in zip(outputs, pages)])
    traf["pages_per_second"] = len(pages) / seconds

    px = json.loads(
        subprocess.run(
            [binary, "eval", "extraction", "--dataset", dataset],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    rows = [
        ("parallax", px),
        (f"trafilatura {trafilatura.__version__} (fast)", traf),
    ]
    print(f"{len(pages)} pages, one core each")
    print(f"{'extractor':<28} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>9}")
    for name, r in rows:
        print(
            f"{name:<28} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['pages_per_second']:9.1f}"
        )
    print(f"speed ratio parallax / trafilatura: {px['pages_per_second'] / traf['pages_per_second']:.1f}x")


if __name__ == "__main__":
    main()
