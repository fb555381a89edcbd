#!/usr/bin/env python3
"""Articles for the store benchmarks, from a Multi-News clustering file (JSONL, may be gzipped).

usage: articles.py DATASET BASE_OUT LIVE_OUT BASE_COUNT

Writes the first BASE_COUNT documents to BASE_OUT (one {"id", "text"} record per line), and to
LIVE_OUT the rest plus an edited copy of every base document (a changed closing sentence, as a
wire story's update would be), for an ingest that runs while the server is measured.
"""
import gzip
import json
import sys


def documents(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            cluster = json.loads(line)
            for i, text in enumerate(cluster["documents"]):
                yield f"{cluster['id']}-{i}", text


def main():
    dataset, base_out, live_out, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    docs = list(documents(dataset))
    with open(base_out, "w", encoding="utf-8") as base, open(live_out, "w", encoding="utf-8") as live:
        for n, (doc_id, text) in enumerate(docs):
            record = {"id": doc_id, "text": text}
            if n < count:
                base.write(json.dumps(record) + "\n")
                edited = {"id": doc_id + "-update", "text": text + "\n\nThis story has been updated."}
                live.write(json.dumps(edited) + "\n")
            else:
                live.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
