"""Stories of small inputs: each cluster of a Multi-News clustering set analyzed alone, as a user
analyzes a folder of pages about one event, and pairs of clusters analyzed together.

    python3 benches/folders.py DATASET [--clusters N] [--skip K] [--bin target/release/parallax] [--show]

Prints, over the first N clusters with two documents or more (less the first K, which chose
the small-input threshold on the validation set): how many are kept whole (one
story holds all their documents), and over consecutive pairs of them, how many give no story
that mixes the two clusters' documents; and the same for hard pairs: each cluster with the other
cluster of the sample whose words overlap its own most (Jaccard of their word sets), such as two
different crashes or two rulings of one court. With --show, each cluster not kept whole and each
hard pair joined is printed to stderr, every document with the story it joined, its nearest
document and the similarity, and its first words.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile


def clusters(path, n):
    opener = gzip.open if path.endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            docs = [d for d in c["documents"] if d.strip()]
            if len(docs) >= 2:
                out.append((c["id"], docs))
            if len(out) == n:
                break
    return out


def stories(binary, docs, folder, show=None):
    path = os.path.join(folder, "input.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, (cluster, text) in enumerate(docs):
            f.write(json.dumps({"id": f"{cluster}__{i}", "text": text}) + "\n")
    run = subprocess.run([binary, "analyze", path, "--format", "json"], capture_output=True, text=True)
    report = json.loads(run.stdout)
    found = [{d.split("__")[0] for d in s["documents"]} for s in report["stories"]]
    if show is not None and not show(found):
        clusters = sorted({c for c, _ in docs})
        names = " + ".join(f"{c[:12]}…" for c in clusters)
        print(f"-- {names}: {len(found)} stories", file=sys.stderr)
        texts = {f"{c}__{i}": t for i, (c, t) in enumerate(docs)}
        for s in report["stories"]:
            for a in s["assignments"]:
                joined = f"joins {a['nearest'][:12]}…{a['nearest'][-3:]} at {a['similarity']:.3f}" if a["nearest"] else "starts"
                words = " ".join(texts[a["doc"]].split()[:14])
                print(f"   {s['id']:>9} {a['doc'][:12]}…{a['doc'][-3:]} {joined}: {words}",
                      file=sys.stderr)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--clusters", type=int, default=300)
    ap.add_argument("--bin", default="target/release/parallax")
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--show", action="store_true",
                    help="print each cluster split and hard pair joined (to stderr)")
    args = ap.parse_args()
    whole_ok = (lambda found: len(found) == 1) if args.show else None
    apart_ok = (lambda found: all(len(s) == 1 for s in found)) if args.show else None
    chosen = clusters(args.dataset, args.clusters)[args.skip:]
    whole = apart = 0
    with tempfile.TemporaryDirectory() as folder:
        for cid, docs in chosen:
            whole += len(stories(args.bin, [(cid, d) for d in docs], folder, whole_ok)) == 1
        pairs = list(zip(chosen[0::2], chosen[1::2]))
        for (a, da), (b, db) in pairs:
            found = stories(args.bin, [(a, d) for d in da] + [(b, d) for d in db], folder)
            apart += all(len(s) == 1 for s in found)
        words = [set(" ".join(d).lower().split()) for _, d in chosen]
        hard = hard_apart = 0
        for i, (a, da) in enumerate(chosen):
            j = max((k for k in range(len(chosen)) if k != i),
                    key=lambda k: len(words[i] & words[k]) / max(len(words[i] | words[k]), 1))
            b, db = chosen[j]
            found = stories(args.bin, [(a, d) for d in da] + [(b, d) for d in db], folder, apart_ok)
            hard += 1
            hard_apart += all(len(s) == 1 for s in found)
    print(json.dumps({
        "hard_pairs": hard,
        "hard_pairs_kept_apart": hard_apart,
        "hard_pairs_kept_apart_share": round(hard_apart / max(hard, 1), 3),
        "clusters": len(chosen),
        "kept_whole": whole,
        "kept_whole_share": round(whole / max(len(chosen), 1), 3),
        "pairs": len(pairs),
        "pairs_kept_apart": apart,
        "pairs_kept_apart_share": round(apart / max(len(pairs), 1), 3),
    }))


if __name__ == "__main__":
    main()
