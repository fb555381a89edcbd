"""Parallax from Python: news pages to stories, copies, quotes and cited summaries.

The plain API::

    import parallax
    report = parallax.analyze(["pages/"])        # the report of `parallax analyze --format json`
    for story in report["stories"]:
        print(story["title"], story["documents"])

The batch API works on Arrow record batches, one pipeline stage at a time, so that a scheduler
such as Spark can run each stage where the data is (see `scale/job.py` in the repository):

- ``read_shard(path)``: the pages of a WARC, JSONL, HTML or text file, and its rejected records;
- ``prepare_batch(pages)``: decode, extract, clean, segment and sign a batch of pages;
- ``compare_batch(pairs, common_keys)``: candidate copy pairs compared word by word;
- ``StoryAssigner``: documents assigned to stories in arrival order (the first ``SMALL_INPUT``
  with their text, whose names join the angles of one event while the input is small);
- ``analyze_story(...)``: one story's quotes, statements, conflicts, exclusives and summary;
- ``StoreLoader(path)``: the result loaded into a Parallax SQLite store, for ``parallax serve``.

Every function gives what ``parallax ingest`` computes on one machine for the same input.
"""
import json

import pyarrow as pa

from . import _native
from ._native import SMALL_INPUT, StoreLoader, StoryAssigner

__all__ = [
    "analyze",
    "read_shard",
    "prepare_batch",
    "compare_batch",
    "analyze_story",
    "StoryAssigner",
    "SMALL_INPUT",
    "StoreLoader",
    "PAGE_SCHEMA",
    "DOCUMENT_SCHEMA",
    "COPY_SCHEMA",
]

PAGE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("html", pa.bool_()),
        ("content", pa.binary()),
        ("is_text", pa.bool_()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("date", pa.string()),
    ]
)
"""Pages as read from an input, before decoding."""

DOCUMENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("hash", pa.string()),
        ("ok", pa.bool_()),
        ("reason", pa.string()),
        ("published", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("text", pa.string()),
        ("document", pa.string()),
        ("keys", pa.list_(pa.int64())),
        ("counts", pa.binary()),
    ]
)
"""Pages prepared: the cleaned document, or why it was rejected, and its signature."""

COPY_SCHEMA = pa.schema(
    [
        ("pair", pa.int64()),
        ("order", pa.int64()),
        ("a", pa.string()),
        ("b", pa.string()),
        ("kind", pa.string()),
        ("similarity", pa.float64()),
        ("copy", pa.string()),
    ]
)
"""Copy relations: `a` is the earlier or fuller document; `copy` holds the spans, as JSON."""


def analyze(paths):
    """The whole analysis of files, directories or globs, as dicts (the JSON report)."""
    if isinstance(paths, str):
        paths = [paths]
    return json.loads(_native.analyze([str(p) for p in paths]))


def _batch(columns, schema):
    return pa.RecordBatch.from_arrays([pa.array(columns[f.name], type=f.type) for f in schema], schema=schema)


def read_shard(path, max_bytes=10 * 1024 * 1024):
    """The pages of one input file as a record batch (`PAGE_SCHEMA`), and its rejected records
    as (input, reason) pairs: a bad record is skipped alone, never the whole file."""
    columns, rejected = _native.read_shard(str(path), max_bytes)
    return _batch(columns, PAGE_SCHEMA), rejected


def prepare_batch(pages):
    """Decodes, extracts, cleans, segments and signs a record batch of pages (`PAGE_SCHEMA`);
    returns a record batch of `DOCUMENT_SCHEMA`, one row per page, in order."""
    columns = {name: pages.column(name).to_pylist() for name in PAGE_SCHEMA.names}
    return _batch(_native.prepare(columns), DOCUMENT_SCHEMA)


def compare_batch(pairs, common_keys):
    """Compares candidate pairs word by word. `pairs` is a record batch with columns `new_id`,
    `new_published`, `new_text` (the later document) and `old_id`, `old_published`, `old_text`
    (the earlier one); `common_keys` is the sorted list of anchor keys held by more than four
    documents of the whole input. Returns a record batch of `COPY_SCHEMA`; `pair` is the row of
    the pair the relation came from."""
    names = ["new_id", "new_published", "new_text", "old_id", "old_published", "old_text"]
    columns = [pairs.column(n).to_pylist() for n in names]
    return _batch(_native.compare_pairs(*columns, list(common_keys)), COPY_SCHEMA)


def analyze_story(story, documents, assignments, copies, words=260):
    """Analyzes one story from its documents (JSON strings, in arrival order), their
    assignments and the copy relations among them (JSON strings). Returns the story as a dict,
    and the reason when the analysis failed (the story is then kept unanalyzed)."""
    story_json, failed = _native.analyze_story(story, list(documents), list(assignments), list(copies), words)
    return json.loads(story_json), failed
