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


def test_names_shared_join_a_small_input_as_the_command_line_does(binary):
    # Two angles of one made-up event whose words alone are not close enough: the rare names
    # they share join them while the input is small, when the assigner is given the text.
    texts = [
        "A court in the north cleared the ferry captain of negligence on Tuesday. Judge Halvard "
        "Okonkwo said the storm had made the crossing impossible to foresee, and the captain, "
        "Tomas Wendrick, left the courthouse without comment.",
        "Shopkeepers hung flags along the quay as the news spread. In the small town, where "
        "Wendrick grew up, neighbours said the ruling by Okonkwo ended a long winter of rumours, "
        "and the mayor invited residents to a supper at the school.",
    ]
    docs = parallax.prepare_batch(
        pa.RecordBatch.from_pydict(
            {"id": ["ruling", "reaction"], "source": ["ruling", "reaction"], "html": [False, False],
             "content": [t.encode() for t in texts], "is_text": [True, True], "url": [None, None],
             "title": [None, None], "outlet": [None, None], "date": [None, None]},
            schema=parallax.PAGE_SCHEMA,
        )
    )
    counts = docs.column("counts").to_pylist()
    prepared = docs.column("text").to_pylist()
    with_text = parallax.StoryAssigner()
    first, _ = with_text.add("ruling", None, None, counts[0], [], prepared[0])
    second, why = with_text.add("reaction", None, None, counts[1], [], prepared[1])
    assert first == second == 1, why
    assert json.loads(why)["shared_names"] == ["Wendrick", "Okonkwo"], why
    without = parallax.StoryAssigner()
    without.add("ruling", None, None, counts[0], [])
    apart, _ = without.add("reaction", None, None, counts[1], [])
    assert apart == 2, "without the text, the names are not read"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "folder.jsonl")
        with open(path, "w") as f:
            for doc_id, text in zip(["ruling", "reaction"], texts):
                f.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        cli = json.loads(subprocess.run([binary, "analyze", path, "--format", "json"], capture_output=True, check=True).stdout)
    assert [s["documents"] for s in cli["stories"]] == [["ruling", "reaction"]], cli["stories"]


def main():
    binary = sys.argv[1]
    tests = [
        lambda: test_analyze_equals_the_command_line(binary),
        test_batches_prepare_and_reject_alone,
        test_copies_and_stories_from_batches,
        lambda: test_names_shared_join_a_small_input_as_the_command_line_does(binary),
    ]
    for test in tests:
        test()
    print(f"bindings: {len(tests)} tests passed")


if __name__ == "__main__":
    main()
