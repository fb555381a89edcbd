#!/usr/bin/env python3
"""Checks that the Spark job's result equals single-machine `parallax ingest` on the same input.

usage: check.py OUT_DIR STORE_DB [--ingest-log LOG] [--loaded DB]

Compares the documents (ids), each document's story, the stories as sets of documents, and the
copy relations (the two documents, the kind and the similarity to 1e-9) of the job's Parquet
tables with those of the store; with --ingest-log (the ingest's standard error), also the
rejected inputs and their reasons; with --loaded (the job's result loaded into a store), also
that store's documents, stories and copies, and that every story in it was analyzed. Prints the counts and the first differences; exits 1 when
anything differs, or when there is nothing to compare.
"""
import argparse
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


def store_rows(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    docs = conn.execute("SELECT id, story FROM documents").fetchall()
    copies = conn.execute("SELECT a, b, kind, similarity FROM copies").fetchall()
    unanalyzed = conn.execute("SELECT count(*) FROM stories WHERE merged_into IS NULL AND documents > 0 AND analyzed_version != version").fetchone()[0]
    analyzed = conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
    return docs, copies, unanalyzed, analyzed


def main():
    ap = argparse.ArgumentParser(description="the Spark job's result against parallax ingest")
    ap.add_argument("out")
    ap.add_argument("db")
    ap.add_argument("--ingest-log")
    ap.add_argument("--loaded")
    args = ap.parse_args()
    out = args.out
    docs = parquet_rows(f"{out}/documents", ["id", "story"])
    copies = parquet_rows(f"{out}/copies", ["a", "b", "kind", "similarity"])
    store_docs, store_copies, _, _ = store_rows(args.db)
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
    if args.loaded:
        loaded_docs, loaded_copies, unanalyzed, analyzed = store_rows(args.loaded)
        ok = report("loaded store: document stories", set(loaded_docs), set(store_docs)) and ok
        ok = report("loaded store: copies", copy_keys(loaded_copies), copy_keys(store_copies)) and ok
        print(f"loaded store: {analyzed} stories analyzed, {unanalyzed} left unanalyzed")
        ok = ok and unanalyzed == 0 and analyzed > 0
    if args.ingest_log:
        logged = set()
        for line in open(args.ingest_log, encoding="utf-8"):
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
    # A story whose analysis failed is a bug (a panic the per-story guard caught), not bad input.
    if summary.get("analysis_failed", 0):
        print(f"{summary['analysis_failed']} stories failed their analysis: a bug to fix")
        ok = False
    if not docs or not copies:
        print("nothing to compare: the job found no documents or no copies")
        ok = False
    print("equal" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
