#!/usr/bin/env python3
"""Parallax on Spark: copies, stories and their analysis for a crawl too big for one machine.

usage: spark-submit scale/job.py INPUT... --out DIR [--partitions N] [--db FILE]

INPUT: WARC (.warc, .warc.gz), JSONL or HTML/text files, or directories of them, read in the
order given (a directory's files in name order), as `parallax ingest INPUT...` reads them. The
result equals that of `parallax ingest` on one machine: the same documents, copies and stories.

Stages (the per-document ones in `mapInArrow`, through the `parallax` Python bindings):

1. read: each shard's pages, on the executors; a bad record (truncated gzip member, non-HTML
   WARC record, malformed JSONL line) is counted and skipped, never fails the job;
2. prepare: decode, extract, clean, segment and sign every page;
3. order: repeats of an earlier page (same content and URL) dropped, documents numbered in
   publication order, undated last, input order on ties;
4. candidates: documents grouped on their copy anchor keys (the LSH bands of the winnowed
   fingerprints); a document's candidates are the earlier documents among the first 32 holders
   of its keys that share enough of them, as the single-machine copy index decides;
5. copies: each candidate pair compared word by word, on the executors;
6. stories: the driver streams the documents in arrival order through the story clusterer
   (term counts and copy relations only; no text), since a document's story depends on every
   story before it;
7. analysis: each story's quotes, statements, conflicts, exclusives and summary, on the
   executors;
8. output: Parquet tables documents, copies, stories, quotes, statements, summaries, and
   `summary.json` with the counts; with `--db FILE`, the documents and copies are also loaded
   into a new Parallax SQLite store (`scale/load.py`), for `parallax serve`.
"""
import argparse
import json
import os
import sys
import time

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

import parallax

MAX_POSTINGS = 32
RARE_DOCS = 4
LONG_RUN_ANCHORS = 8


def shard_paths(inputs):
    """The input files in reading order, as absolute paths."""
    out = []
    for given in inputs:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                out.extend(os.path.join(root, f) for f in sorted(files))
        else:
            out.append(path)
    return out


def with_position(batch, shard, start=0):
    """`batch` with leading `shard` and `line` (input order within the shard) columns."""
    n = batch.num_rows
    cols = [pa.array([shard] * n, pa.int64()), pa.array(range(start, start + n), pa.int64())]
    return pa.RecordBatch.from_arrays(cols + batch.columns, names=["shard", "line"] + batch.schema.names)


def spark_type(arrow_type):
    """The Spark type of a column of the bindings' Arrow schemas."""
    if arrow_type == pa.bool_():
        return T.BooleanType()
    if arrow_type == pa.binary():
        return T.BinaryType()
    if arrow_type == pa.list_(pa.int64()):
        return T.ArrayType(T.LongType())
    if arrow_type == pa.int64():
        return T.LongType()
    if arrow_type == pa.float64():
        return T.DoubleType()
    return T.StringType()


def spark_schema(arrow_schema, lead=()):
    """A Spark schema of `lead` long columns followed by the Arrow schema's columns."""
    return T.StructType([T.StructField(n, T.LongType()) for n in lead] + [T.StructField(f.name, spark_type(f.type)) for f in arrow_schema])


PAGES = T.StructType(spark_schema(parallax.PAGE_SCHEMA, ("shard", "line")).fields + [T.StructField("rejected", T.StringType())])


def read_shards(batches):
    """mapInArrow: (shard, path) rows -> the shards' pages, and one row per rejected record."""
    for batch in batches:
        for shard, path in zip(batch.column("shard").to_pylist(), batch.column("path").to_pylist()):
            pages, rejected = parallax.read_shard(path)
            for start in range(0, pages.num_rows, 256):
                part = with_position(pages.slice(start, 256), shard, start)
                yield part.append_column("rejected", pa.nulls(part.num_rows, pa.string()))
            if rejected:
                n = len(rejected)
                cols = {f.name: pa.nulls(n, f.type) for f in parallax.PAGE_SCHEMA}
                cols["source"] = pa.array([r[0] for r in rejected], pa.string())
                part = pa.RecordBatch.from_pydict({"shard": [shard] * n, "line": [-1] * n, **cols, "rejected": [r[1] for r in rejected]})
                yield part


DOCUMENTS = spark_schema(parallax.DOCUMENT_SCHEMA, ("shard", "line"))


def prepare_pages(batches):
    """mapInArrow: pages -> prepared documents (or the reason each was rejected)."""
    for batch in batches:
        pages = pa.RecordBatch.from_arrays([batch.column(n) for n in parallax.PAGE_SCHEMA.names], schema=parallax.PAGE_SCHEMA)
        prepared = parallax.prepare_batch(pages)
        yield pa.RecordBatch.from_arrays([batch.column("shard"), batch.column("line")] + prepared.columns, names=["shard", "line"] + prepared.schema.names)


COPIES = spark_schema(parallax.COPY_SCHEMA, ("new_pos", "old_pos"))


def compare_pairs(common):
    def run(batches):
        keys = common.value
        for batch in batches:
            copies = parallax.compare_batch(batch, keys)
            pair = copies.column("pair").to_numpy() if copies.num_rows else []
            new_pos = batch.column("new_pos").take(pa.array(pair, pa.int64()))
            old_pos = batch.column("old_pos").take(pa.array(pair, pa.int64()))
            yield pa.RecordBatch.from_arrays([new_pos, old_pos] + copies.columns, names=["new_pos", "old_pos"] + copies.schema.names)

    return run


ANALYZED = (
    "story long, title string, date string, documents array<string>, failed string, report string, "
    "quotes array<struct<doc:string, start:long, end:long, text:string, kind:string, speaker:string, cue:string, channel:string>>, "
    "statements array<struct<statement:string, text:string, outlets:array<string>, speaker:string, channel:string, sources:string>>, "
    "summaries array<struct<sentence:long, text:string, sources:string>>"
)


def analyze_stories(rows):
    """One story's documents and copies -> its analysis: the story's row, with its quotes,
    statements and summary sentences as arrays (exploded into their own tables later)."""
    for story, (docs, copies) in rows:
        docs = sorted(docs)
        copies = [c[-1] for c in sorted(copies)]
        report_json, failed = parallax._native.analyze_story(story, [d[1] for d in docs], [d[2] for d in docs], copies, 260)
        report = json.loads(report_json)
        quotes = [tuple(q.get(k) for k in ("doc", "start", "end", "text", "kind", "speaker", "cue", "channel")) for q in report.get("quotes", [])]
        statements = [
            (s.get("id"), s.get("text"), s.get("outlets", []), s.get("speaker"), s.get("channel"), json.dumps(s.get("sources", [])))
            for s in report.get("statements", [])
        ]
        summaries = [(i, s.get("text"), json.dumps(s.get("sources", []))) for i, s in enumerate(report.get("summary", []))]
        yield (story, report.get("title"), report.get("date"), report.get("documents", []), failed, report_json, quotes, statements, summaries)


def main():
    ap = argparse.ArgumentParser(description="Parallax on Spark")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--db", help="also load the result into this new Parallax store")
    ap.add_argument("--partitions", type=int, default=0, help="partitions of the per-document stages (default: 4 per core)")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("parallax").getOrCreate()
    sc = spark.sparkContext
    started = time.time()
    phases = {}
    clock = [started]

    def phase(name):
        """Records the seconds since the previous phase ended."""
        now = time.time()
        phases[name] = round(now - clock[0], 1)
        clock[0] = now

    parts = args.partitions or 4 * sc.defaultParallelism
    paths = shard_paths(args.inputs)
    shards = spark.createDataFrame([(i, p) for i, p in enumerate(paths)], "shard long, path string").repartition(min(parts, max(1, len(paths))))
    raw = shards.mapInArrow(read_shards, PAGES).repartition(parts)
    prepared = raw.where("rejected IS NULL").drop("rejected").mapInArrow(prepare_pages, DOCUMENTS).persist(StorageLevel.DISK_ONLY)
    rejected_records = raw.where("rejected IS NOT NULL").select("source", "rejected").collect()
    pages_read = prepared.count()
    phase("read and prepare")

    # Repeats of an earlier page are skipped; the first one in input order is kept.
    first = Window.partitionBy("hash").orderBy("shard", "line")
    fresh = prepared.withColumn("nth", F.row_number().over(first)).where("nth = 1").drop("nth")
    rejected_pages = fresh.where("NOT ok").select("source", "reason").collect()
    docs = fresh.where("ok").drop("ok", "reason")
    # Arrival order: publication order, undated last, input order on ties.
    ordered = docs.select("shard", "line", "published").orderBy(F.col("published").isNull(), "published", "shard", "line")
    positions = ordered.rdd.zipWithIndex().map(lambda r: (r[0]["shard"], r[0]["line"], r[1])).toDF("shard long, line long, pos long")
    docs = docs.join(positions, ["shard", "line"]).persist(StorageLevel.DISK_ONLY)
    documents = docs.count()
    phase("order")

    # Candidates: documents grouped on their anchor keys.
    held = docs.select("pos", F.explode("keys").alias("key"), F.size("keys").alias("n_keys"))
    by_key = Window.partitionBy("key")
    held = held.withColumn("holders", F.count("*").over(by_key)).withColumn("rank", F.row_number().over(by_key.orderBy("pos"))).persist()
    common = sorted(r["key"] for r in held.where(f"holders > {RARE_DOCS}").select("key").distinct().collect())
    postings = held.where(f"rank <= {MAX_POSTINGS}").select("key", F.col("pos").alias("old_pos"), F.col("n_keys").alias("old_keys"))
    shared = (
        held.join(postings, "key")
        .where("old_pos < pos")
        .groupBy(F.col("pos").alias("new_pos"), "old_pos")
        .agg(F.count("*").alias("shared"), F.sum(F.when(F.col("holders") <= RARE_DOCS, 1).otherwise(0)).alias("rare"), F.first("n_keys").alias("new_keys"), F.first("old_keys").alias("old_keys"))
    )
    pairs = shared.where(f"shared * 2 >= greatest(least(new_keys, old_keys), 1) OR rare >= 2 OR shared >= {LONG_RUN_ANCHORS}")
    side = lambda p: docs.select(F.col("pos").alias(f"{p}_pos"), F.col("id").alias(f"{p}_id"), F.col("published").alias(f"{p}_published"), F.col("text").alias(f"{p}_text"))
    pair_rows = pairs.select("new_pos", "old_pos").join(side("new"), "new_pos").join(side("old"), "old_pos")
    pair_rows = pair_rows.select("new_pos", "old_pos", "new_id", "new_published", "new_text", "old_id", "old_published", "old_text")
    copies = pair_rows.mapInArrow(compare_pairs(sc.broadcast(common)), COPIES).persist()
    copy_count = copies.count()
    phase("copies")

    # Stories: the driver streams documents in arrival order through the clusterer.
    other = F.when(F.col("a") == F.col("new_id"), F.col("b")).otherwise(F.col("a"))
    copies_of = (
        copies.join(docs.select(F.col("pos").alias("new_pos"), F.col("id").alias("new_id")), "new_pos")
        .groupBy("new_pos")
        .agg(F.sort_array(F.collect_list(F.struct("old_pos", "order", other.alias("other")))).alias("rel"))
        .select(F.col("new_pos").alias("pos"), F.col("rel.other").alias("copies_of"))
    )
    # The first documents' text too: while the input is small, shared names join stories.
    first_text = F.when(F.col("pos") < parallax.SMALL_INPUT, F.col("text")).alias("text")
    stream = docs.select("pos", "id", "title", "published", "counts", first_text).join(copies_of, "pos", "left").orderBy("pos")
    assigner = parallax.StoryAssigner()
    assigned = []
    for row in stream.toLocalIterator(prefetchPartitions=True):
        story, assignment = assigner.add(row["id"], row["title"], row["published"], bytes(row["counts"]), list(row["copies_of"] or []), row["text"])
        assigned.append((row["pos"], story, assignment))
    assigned = [(pos, assigner.final_story(story), assignment) for pos, story, assignment in assigned]
    stories_of = spark.createDataFrame(assigned, "pos long, story long, assignment string")
    docs = docs.join(stories_of, "pos").persist(StorageLevel.DISK_ONLY)
    phase("stories (driver)")

    out = os.path.abspath(args.out)
    docs.select("pos", "id", "source", "outlet", "title", "published", "url", "story", "hash", "text", "assignment", "document").write.mode("overwrite").parquet(f"{out}/documents")
    copies.select("new_pos", "old_pos", "order", "a", "b", "kind", "similarity", "copy").write.mode("overwrite").parquet(f"{out}/copies")
    phase("write documents and copies")

    # Analysis of each story, on the executors.
    story_of = docs.select("id", "story")
    inner = (
        copies.join(story_of.withColumnRenamed("id", "a").withColumnRenamed("story", "sa"), "a")
        .join(story_of.withColumnRenamed("id", "b").withColumnRenamed("story", "sb"), "b")
        .where("sa = sb")
    )
    doc_rdd = docs.select("story", "pos", "document", "assignment").rdd.map(lambda r: (r[0], (r[1], r[2], r[3])))
    copy_rdd = inner.select("sa", "new_pos", "old_pos", "order", "copy").rdd.map(lambda r: (r[0], (r[1], r[2], r[3], r[4])))
    analyzed = doc_rdd.cogroup(copy_rdd, numPartitions=parts).mapValues(lambda v: (list(v[0]), list(v[1]))).mapPartitions(analyze_stories)
    analyzed = spark.createDataFrame(analyzed, ANALYZED).persist(StorageLevel.DISK_ONLY)
    story_count = analyzed.count()
    phase("story analysis")
    write_analysis(analyzed, out)
    phase("write analysis tables")

    if args.db:
        from load import load

        loaded = load(out, args.db)
        phase("load into the store")
        print(f"loaded {loaded[0]} documents and {loaded[1]} copies into {args.db}; {loaded[2]} stories analyzed")
    summary = {
        "inputs": len(paths),
        "pages": pages_read,
        "rejected_records": len(rejected_records),
        "rejected_pages": len(rejected_pages),
        "repeats_skipped": pages_read - fresh.count(),
        "documents": documents,
        "copies": copy_count,
        "stories": story_count,
        "analysis_failed": analyzed.where("failed IS NOT NULL").count(),
        "rejected": [{"input": r[0], "reason": r[1]} for r in rejected_records + rejected_pages],
        "seconds": round(time.time() - started, 1),
        "phases": phases,
        "workers": len(sc._jsc.sc().statusTracker().getExecutorInfos()) - 1,
    }
    with open(f"{out}/summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps({k: v for k, v in summary.items() if k != "rejected"}))
    spark.stop()


def write_analysis(analyzed, out):
    """The stories, quotes, statements and summaries tables from the analyzed stories."""
    analyzed.select("story", "title", "date", "documents", "failed", "report").write.mode("overwrite").parquet(f"{out}/stories")
    for table in ("quotes", "statements", "summaries"):
        rows = analyzed.select("story", F.explode(table).alias("row")).select("story", "row.*")
        rows.write.mode("overwrite").parquet(f"{out}/{table}")


if __name__ == "__main__":
    sys.exit(main())
