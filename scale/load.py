#!/usr/bin/env python3
"""Loads the Spark job's result into a Parallax SQLite store, for `parallax serve`.

usage: load.py OUT_DIR DB

Reads the job's `documents` and `copies` tables (Parquet, OUT_DIR) in arrival order, a batch
at a time, into DB, which must hold no document yet; then the store analyzes every story on
this machine's cores. `parallax serve --db DB`, `parallax stories --db DB` and
`parallax search --db DB` then work on the result; a later `parallax ingest --db DB` adds to its
stories.
"""
import sys

import pyarrow.compute as pc
import pyarrow.parquet as pq

import parallax

BATCH = 2048


def sorted_table(path, columns, keys):
    table = pq.read_table(path, columns=columns)
    return table.take(pc.sort_indices(table, sort_keys=[(k, "ascending") for k in keys]))


def load(out, db):
    """Loads OUT's documents and copies into DB; returns (documents, copies, stories analyzed)."""
    loader = parallax.StoreLoader(db)
    docs = sorted_table(f"{out}/documents", ["pos", "document", "hash", "story", "assignment"], ["pos"])
    for batch in docs.to_batches(BATCH):
        loader.add_documents(*(batch.column(c).to_pylist() for c in ("document", "hash", "story", "assignment")))
    copies = sorted_table(f"{out}/copies", ["new_pos", "old_pos", "order", "copy"], ["new_pos", "old_pos", "order"])
    for batch in copies.to_batches(BATCH):
        loader.add_copies(batch.column("copy").to_pylist())
    return docs.num_rows, copies.num_rows, loader.finish()


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    documents, copies, stories = load(sys.argv[1], sys.argv[2])
    print(f"loaded {documents} documents and {copies} copies into {sys.argv[2]}; {stories} stories analyzed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
