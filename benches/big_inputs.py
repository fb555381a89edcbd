"""Builds the large inputs of `benches/big_ingest.sh` from a Multi-News clustering set.

    python3 benches/big_inputs.py DATASET OUT_DIR [--giant-files 20] [--warc-gb 1.0]

- OUT_DIR/giant/NN.txt: each one text file just under the 10 MiB input cap, the set's documents
  run together from a different starting point (one giant "document" per file).
- OUT_DIR/crawl.warc.gz: a CC-NEWS-style WARC, one gzip member per record, of HTML response
  records: each page is one document of the set (cycled; each pass marks its pages so none is a
  byte-for-byte repeat) inside page chrome (navigation, inline script with random-looking data,
  footer) of about 50 KB, so a page compresses about as a real one does. It grows until the
  compressed file reaches --warc-gb.
"""

import argparse
import base64
import gzip
import json
import os
import random


def documents(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            for text in json.loads(line)["documents"]:
                if text.strip():
                    yield text


def giant_files(docs, out, files, size=10_000_000):
    os.makedirs(out, exist_ok=True)
    for k in range(files):
        start = (k * 617) % len(docs)
        parts, total, i = [], 0, start
        while True:
            piece = docs[i % len(docs)] + "\n\n"
            n = len(piece.encode("utf-8"))
            if total + n > size:
                break
            parts.append(piece)
            total += n
            i += 1
        with open(os.path.join(out, f"{k:02d}.txt"), "w", encoding="utf-8") as f:
            f.write("".join(parts))


def page(doc, n, rng):
    lines = [l for l in doc.split("\n") if l.strip()]
    title = lines[0][:90] if lines else f"Page {n}"
    data = base64.b64encode(rng.randbytes(15_000)).decode()
    nav = "".join(f'<li><a href="/section/{s}">Section {s}</a></li>' for s in range(60))
    links = "".join(
        f'<li><a href="/story/{rng.randrange(10**9)}">Related story number {rng.randrange(10**6)}</a></li>'
        for _ in range(80)
    )
    body = "".join(f"<p>{l}</p>" for l in lines)
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
        f"<script>window.__state = \"{data}\";</script></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<article><h1>{title}</h1>{body}<p>Page {n}.</p></article>"
        f"<aside><ul>{links}</ul></aside><footer>Copyright, all rights reserved.</footer>"
        f"</body></html>"
    )


def record(url, html, n):
    body = html.encode("utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def warc(docs, path, gigabytes):
    rng = random.Random(7)
    limit = int(gigabytes * (1 << 30))
    written, n = 0, 0
    with open(path, "wb") as f:
        while written < limit:
            doc = docs[n % len(docs)]
            member = gzip.compress(record(f"https://news.example/{n}", page(doc, n, rng), n), 6)
            f.write(member)
            written += len(member)
            n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("out")
    ap.add_argument("--giant-files", type=int, default=20)
    ap.add_argument("--warc-gb", type=float, default=1.0)
    args = ap.parse_args()
    docs = list(documents(args.dataset))
    giant_files(docs, os.path.join(args.out, "giant"), args.giant_files)
    pages = warc(docs, os.path.join(args.out, "crawl.warc.gz"), args.warc_gb)
    print(f"{args.giant_files} giant files; WARC of {pages} pages")


if __name__ == "__main__":
    main()
