#!/usr/bin/env python3
"""Checks that the Spark job's result equals single-machine `parallax ingest` on the same input.

usage: check.py OUT_DIR STORE_DB [INGEST_LOG]

Compares the documents (ids), each document's story, the stories as sets of documents, and the
copy relations (the two documents, the kind and the similarity to 1e-9) of the job's Parquet
tables with those of the store; with INGEST_LOG (the ingest's standard error), also the rejected
inputs and their reasons. Prints the counts and the first differences; exits 1 when
anything differs, or when there is nothing to compare.
"""
import json
from collections import Counter
import sqlite3
import sys

import pyarrow.parquet as pq


def parquet_rows(path, columns):
    return pq.read_table(path, columns=columns).to_pylist()


def stories_as_sets(story_of):
    groups = {}
    for doc, story in story_of.items():
        groups.setdefault(story, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def copy_keys(rows):
    """Copy relations as a set of (relation, how many times it occurs)."""
    return set(Counter((a, b, kind, round(similarity, 9)) for a, b, kind, similarity in rows).items())


def report(name, ours, theirs):
    only_ours, only_theirs = ours - theirs, theirs - ours
    print(f"{name}: job {len(ours)}, ingest {len(theirs)}, only in the job {len(only_ours)}, only in the ingest {len(only_theirs)}")
    for label, items in (("only in the job", only_ours), ("only in the ingest", only_theirs)):
        for item in sorted(items, key=repr)[:5]:
            print(f"  {label}: {item!r}"[:300])
    return not only_ours and not only_theirs


def main():
    out, db = sys.argv[1], sys.argv[2]
    docs = parquet_rows(f"{out}/documents", ["id", "story"])
    copies = parquet_rows(f"{out}/copies", ["a", "b", "kind", "similarity"])
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    store_docs = conn.execute("SELECT id, story FROM documents").fetchall()
    store_copies = conn.execute("SELECT a, b, kind, similarity FROM copies").fetchall()
    job_story = {d["id"]: d["story"] for d in docs}
    store_story = dict(store_docs)
    ok = all(
        [
            report("documents", set(job_story), set(store_story)),
            report("document stories", set(job_story.items()), set(store_story.items())),
            report("stories", stories_as_sets(job_story), stories_as_sets(store_story)),
            report(
                "copies",
                copy_keys((c["a"], c["b"], c["kind"], c["similarity"]) for c in copies),
                copy_keys(store_copies),
            ),
        ]
    )
    summary = json.load(open(f"{out}/summary.json"))
    if len(sys.argv) > 3:
        logged = set()
        for line in open(sys.argv[3], encoding="utf-8"):
            if line.startswith("parallax: ") and ": " in line[len("parallax: "):]:
                body = line[len("parallax: "):].rstrip("\n")
                if body.count(": ") >= 1 and not body.startswith(tuple("0123456789")):
                    logged.add(tuple(body.split(": ", 1)))
        rejected = {(r["input"], r["reason"]) for r in summary["rejected"]}
        ok = report("rejected inputs", rejected, logged) and ok
        if not rejected:
            print("nothing to compare: the job rejected no input, but the test input holds bad records")
            ok = False
    print(json.dumps({k: v for k, v in summary.items() if k != "rejected"}))
    if not docs or not copies:
        print("nothing to compare: the job found no documents or no copies")
        ok = False
    print("equal" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
