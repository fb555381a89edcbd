#!/usr/bin/env python3
"""Tests of the Python bindings against the command line, on the bundled example and on bad input.

usage: test_bindings.py PARALLAX_BIN   (with the `parallax` package installed: scale/setup.sh)
"""
import json
import os
import subprocess
import sys
import tempfile

import pyarrow as pa

import parallax

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "xi-putin-call")


def test_analyze_equals_the_command_line(binary):
    ours = parallax.analyze([EXAMPLE])
    cli = json.loads(subprocess.run([binary, "analyze", EXAMPLE, "--format", "json"], capture_output=True, check=True).stdout)
    assert [d["id"] for d in ours["documents"]] == [d["id"] for d in cli["documents"]]
    assert [d["text"] for d in ours["documents"]] == [d["text"] for d in cli["documents"]]
    assert [s["documents"] for s in ours["stories"]] == [s["documents"] for s in cli["stories"]]
    assert ours["copies"] == cli["copies"]
    assert [q["text"] for s in ours["stories"] for q in s["quotes"]] == [q["text"] for s in cli["stories"] for q in s["quotes"]]
    assert ours["stories"][0]["summary"], "the example's story has a summary"


def test_batches_prepare_and_reject_alone():
    with tempfile.TemporaryDirectory() as tmp:
        shard = os.path.join(tmp, "pages.jsonl")
        with open(shard, "w") as f:
            f.write(json.dumps({"id": "good", "text": "The council approved the budget on Tuesday, the mayor said in a statement to reporters."}) + "\n")
            f.write("{not json\n")
            f.write(json.dumps({"id": "chrome", "text": "Home | News | Sport | Weather | Contact us"}) + "\n")
        pages, rejected = parallax.read_shard(shard)
        assert pages.schema == parallax.PAGE_SCHEMA
        assert pages.column("id").to_pylist() == ["good", "chrome"]
        assert len(rejected) == 1 and rejected[0][0].endswith("pages.jsonl:2"), rejected
        docs = parallax.prepare_batch(pages)
        assert docs.column("ok").to_pylist() == [True, False]
        assert docs.column("reason").to_pylist()[1], "the page of chrome alone says why it was rejected"
        assert docs.column("keys").to_pylist()[0], "the good page has anchor keys"
        missing, rejected = parallax.read_shard(os.path.join(tmp, "absent.warc.gz"))
        assert missing.num_rows == 0 and rejected, "a missing shard is a rejection, not an exception"


def test_copies_and_stories_from_batches():
    text = " ".join(f"Sentence number {i} tells of the flood that hit the valley town of Arden on Monday." for i in range(30))
    pairs = pa.RecordBatch.from_pydict(
        {
            "new_id": ["b"], "new_published": ["2024-01-02"], "new_text": ["By Staff\n\n" + text],
            "old_id": ["a"], "old_published": ["2024-01-01"], "old_text": [text],
        }
    )
    copies = parallax.compare_batch(pairs, [])
    assert copies.num_rows >= 1 and copies.column("a").to_pylist()[0] == "a", copies.to_pylist()
    assigner = parallax.StoryAssigner()
    docs = parallax.prepare_batch(
        pa.RecordBatch.from_pydict(
            {"id": ["a", "b"], "source": ["a", "b"], "html": [False, False], "content": [text.encode(), ("By Staff\n\n" + text).encode()],
             "is_text": [True, True], "url": [None, None], "title": [None, None], "outlet": [None, None], "date": ["2024-01-01", "2024-01-02"]},
            schema=parallax.PAGE_SCHEMA,
        )
    )
    counts = docs.column("counts").to_pylist()
    first, _ = assigner.add("a", None, "2024-01-01", counts[0], [])
    second, why = assigner.add("b", None, "2024-01-02", counts[1], ["a"])
    assert first == second == 1 and json.loads(why), why
    try:
        assigner.add("c", None, None, b"\x01\x02", [])
    except ValueError as e:
        assert "malformed" in str(e)
    else:
        raise AssertionError("malformed term counts must be refused")


def main():
    binary = sys.argv[1]
    tests = [lambda: test_analyze_equals_the_command_line(binary), test_batches_prepare_and_reject_alone, test_copies_and_stories_from_batches]
    for test in tests:
        test()
    print(f"bindings: {len(tests)} tests passed")


if __name__ == "__main__":
    main()
