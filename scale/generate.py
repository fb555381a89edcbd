#!/usr/bin/env python3
"""Generated news for the scale-out test and benchmarks: real text, edited and recombined.

usage: generate.py DATASET N OUTDIR [--shards K] [--warc M]

DATASET is a Multi-News clustering file (JSONL, may be gzipped, lines `{"id", "documents"}`);
its documents are the bases. Writes N articles as K JSONL shards (`OUTDIR/shard-00000.jsonl`...),
one `{"id", "text", "title", "outlet", "date", "url"}` record per line, in time order over 30
days, drawn as the copies benchmark draws them (seeded, so every run writes the same files):

  75%  a rewrite: a base with a fifth of its words replaced by corpus words
  15%  a light copy of a recent article: 2% of its words replaced, a new byline on top
  10%  a lift: a rewrite with a run of 40% of a recent article's sentences in its middle

One article in 200 is an exact repeat of an earlier record under a new id (the store keeps the
first), one in 10 is undated, and each shard ends with one malformed line. With `--warc M`,
M more articles go as HTML pages into `OUTDIR/pages.warc.gz`, which also holds a non-HTML
record (a PDF) and ends with a truncated gzip member: bad records that must be counted and
skipped.
"""
import argparse
import gzip
import json
import os
import random

OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
RECENT = 2000


def bases(path):
    opener = gzip.open if path.endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            for text in json.loads(line)["documents"]:
                text = " ".join(text.split())
                if len(text.split()) >= 80:
                    out.append(text)
    return out


def edit(rng, text, vocab, p):
    return " ".join(rng.choice(vocab) if rng.random() < p else w for w in text.split(" "))


def passage(rng, text):
    sentences = text.split(". ")
    k = max(1, -(-len(sentences) * 2 // 5))
    start = rng.randrange(len(sentences) - k + 1)
    return ". ".join(sentences[start : start + k])


def articles(texts, n):
    """N generated records, in time order."""
    vocab = [w for t in texts for w in t.split(" ")]
    rng = random.Random(7)
    made = []
    for i in range(n):
        if i > 20 and rng.random() < 0.005:
            repeat = dict(made[rng.randrange(len(made))])
            repeat["id"] = f"a{i:07d}"
            made.append(repeat)
            continue
        roll = rng.randrange(100)
        recent = made[max(0, i - RECENT) + rng.randrange(max(1, min(i, RECENT)))]["text"] if i else ""
        if i and roll < 15:
            text = f"By Staff {rng.randrange(500)} | Wire report {rng.randrange(30)}\n\n" + edit(rng, recent, vocab, 0.02)
        elif i and roll < 25:
            host = edit(rng, rng.choice(texts), vocab, 0.2)
            cut = host.rfind(". ", 0, len(host) // 2)
            cut = 0 if cut < 0 else cut + 2
            text = f"{host[:cut]}\n\n{passage(rng, recent)}.\n\n{host[cut:]}"
        else:
            text = edit(rng, rng.choice(texts), vocab, 0.2)
        day = 1 + i * 30 // n
        record = {
            "id": f"a{i:07d}",
            "text": text,
            "title": " ".join(text.split()[:9]) if rng.random() < 0.5 else None,
            "outlet": rng.choice(OUTLETS),
            "date": None if rng.random() < 0.1 else f"2024-01-{day:02d}T{rng.randrange(24):02d}:00:00Z",
            "url": f"https://news.example/{i}",
        }
        made.append(record)
    return made


def gzip_member(data):
    return gzip.compress(data, mtime=0)


def warc_record(kind, url, content_type, payload):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n\r\n" + payload
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def html_page(record):
    title = record["title"] or record["text"][:60]
    body = "".join(f"<p>{p}</p>" for p in record["text"].split("\n\n"))
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f"<html><head><title>{esc(title)}</title><meta property=\"og:site_name\" content=\"{record['outlet']}\">"
        f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>"
        f"<h1>{esc(title)}</h1>{esc(body).replace('&lt;p&gt;', '<p>').replace('&lt;/p&gt;', '</p>')}</article>"
        f"<footer>Copyright {record['outlet']}</footer></body></html>"
    ).encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--warc", type=int, default=0)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    made = articles(bases(args.dataset), args.n + args.warc)
    jsonl, warc = made[: args.n], made[args.n :]
    per = -(-len(jsonl) // args.shards)
    for k in range(args.shards):
        with open(os.path.join(args.outdir, f"shard-{k:05d}.jsonl"), "w", encoding="utf-8") as f:
            for record in jsonl[k * per : (k + 1) * per]:
                f.write(json.dumps({key: v for key, v in record.items() if v is not None}) + "\n")
            f.write('{"id": "broken", "text": \n')
    if warc:
        with open(os.path.join(args.outdir, "pages.warc.gz"), "wb") as f:
            for i, record in enumerate(warc):
                f.write(gzip_member(warc_record("response", record["url"], "text/html; charset=utf-8", html_page(record))))
                if i == len(warc) // 2:
                    f.write(gzip_member(warc_record("response", "https://news.example/report.pdf", "application/pdf", b"%PDF-1.4 binary")))
            last = gzip_member(warc_record("response", "https://news.example/cut", "text/html", b"<html><body><p>cut off</p></body></html>"))
            f.write(last[: len(last) // 2])


if __name__ == "__main__":
    main()
