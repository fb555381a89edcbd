"""Embedded posts carried in page text: are they kept, and given to the account that signs them?

    python3 benches/posts.py MULTINEWS_RAW_JSONL TEXT_CLEANING_JSONL [--bin target/release/parallax]

Finds every line of the inputs that carries a post's signature (`— Name (@handle) Date`, after
the post's words on the same line or alone on the line after them), runs `parallax analyze` on
each Multi-News cluster and on the text-cleaning pages' `page_text` that hold one, and counts,
for each post of at least five words found in the cleaned text: a quote over its words whose
speaker's last word is in the signature's name, a quote whose channel is the handle, and (one
line layout) quotes that stop before the link and signature.
"""

import argparse
import json
import os
import re
import subprocess
import tempfile

INLINE = re.compile(r" — (.{1,80}?) \((@\w+)\) \w")
ALONE = re.compile(r"^— (.{1,80}?) \((@\w+)\) \w")


def analyze(binary, docs, folder):
    path = os.path.join(folder, "input.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(docs):
            f.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    out = subprocess.run([binary, "analyze", path, "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def score(report, counts):
    quotes = [q for s in report["stories"] for q in s.get("quotes", [])]
    for d in report["documents"]:
        at, previous = 0, None
        for line in d["text"].split("\n"):
            start = at
            at += len(line) + 1
            inline, alone = INLINE.search(line), ALONE.search(line.strip())
            if inline and len(line[: inline.start()].split()) >= 5:
                sig, span, key = inline, (start, start + len(line)), "one_line"
            elif alone and previous and len(previous[1].split()) >= 5:
                sig, span, key = alone, (previous[0], previous[0] + len(previous[1])), "signature_alone"
            else:
                sig = None
            if sig:
                c = counts[key]
                c["posts"] += 1
                over = [q for q in quotes if q["doc"] == d["id"]
                        and q["start"] < span[1] and q["end"] > span[0]]
                c["speaker_is_signature"] += any(
                    q.get("speaker") and q["speaker"].split()[-1] in sig.group(1) for q in over)
                c["channel_is_handle"] += any(q.get("channel") == sig.group(2) for q in over)
                if key == "one_line":
                    c["quotes_stop_before_link"] += bool(over) and all(
                        "pic.twitter" not in q["text"] and " — " not in q["text"] for q in over)
            if line.strip():
                previous = (start, line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("multinews_raw")
    ap.add_argument("text_cleaning")
    ap.add_argument("--bin", default="target/release/parallax")
    args = ap.parse_args()
    zero = {"posts": 0, "speaker_is_signature": 0, "channel_is_handle": 0}
    counts = {"one_line": dict(zero, quotes_stop_before_link=0), "signature_alone": dict(zero)}
    with tempfile.TemporaryDirectory() as folder:
        with open(args.multinews_raw, encoding="utf-8") as f:
            for line in f:
                docs = [d for d in json.loads(line)["documents"] if d.strip()]
                if any(INLINE.search(d) or re.search(r"^— .*\(@\w+\)", d, re.M) for d in docs):
                    score(analyze(args.bin, docs, folder), counts)
        pages = []
        with open(args.text_cleaning, encoding="utf-8") as f:
            for line in f:
                page = json.loads(line)["page_text"]
                if "(@" in page:
                    pages.append(page)
        for page in pages:
            score(analyze(args.bin, [page], folder), counts)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
