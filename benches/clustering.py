"""Story clustering: Parallax against scikit-learn TF-IDF baselines on the pooled clusters.

usage: python benches/clustering.py PARALLAX_BINARY DATASET

DATASET is a Multi-News clustering file (`{"id", "documents"}` per line, may be gzipped). Every
document is pooled; each system clusters the pool; BCubed precision, recall and F1 are computed
against the original clusters, the same way `parallax eval clustering` does. Baselines, on a
TF-IDF of the documents (English stop words removed, sublinear tf, terms in at least 2
documents): average-linkage agglomerative clustering on cosine distance, at every distance
threshold from 0.50 to 0.95 in steps of 0.05 (the best one reported, chosen on the data itself),
and connected components of the graph of pairs with cosine >= 0.3. It also prints how often a
document's nearest other document by TF-IDF cosine is in its own cluster.
"""

import gzip
import json
import subprocess
import sys
import time

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer


def bcubed(gold, predicted):
    gold = np.asarray(gold)
    predicted = np.asarray(predicted)
    p_total = r_total = 0.0
    for i in range(len(gold)):
        same_pred = predicted == predicted[i]
        same_gold = gold == gold[i]
        both = np.count_nonzero(same_pred & same_gold)
        p_total += both / np.count_nonzero(same_pred)
        r_total += both / np.count_nonzero(same_gold)
    p, r = p_total / len(gold), r_total / len(gold)
    return p, r, 2 * p * r / (p + r)


def main():
    binary, dataset = sys.argv[1], sys.argv[2]
    opener = gzip.open if dataset.endswith(".gz") else open
    texts, gold = [], []
    with opener(dataset, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            for d in json.loads(line)["documents"]:
                if d.strip():
                    texts.append(d)
                    gold.append(n)
    rows = []

    px = json.loads(
        subprocess.run(
            [binary, "eval", "clustering", "--dataset", dataset],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    rows.append(("parallax", px["precision"], px["recall"], px["f1"], px.get("documents_per_second")))

    started = time.perf_counter()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(texts)
    tfidf_s = time.perf_counter() - started

    started = time.perf_counter()
    sims = (x @ x.T).tocoo()
    keep = (sims.data >= 0.3) & (sims.row != sims.col)
    graph = sims.__class__((sims.data[keep], (sims.row[keep], sims.col[keep])), shape=sims.shape)
    _, labels = connected_components(graph, directed=False)
    cc_s = tfidf_s + time.perf_counter() - started
    rows.append(("sklearn connected components, cosine >= 0.3", *bcubed(gold, labels), len(texts) / cc_s))

    # How far lexical similarity can go: the share of documents with a cluster mate whose most
    # similar other document (TF-IDF cosine) is one of their cluster mates.
    nearest = sims.tocsr()
    nearest.setdiag(0.0)
    nearest.eliminate_zeros()
    gold_arr = np.asarray(gold)
    sizes = np.bincount(gold_arr)
    has_mate = sizes[gold_arr] > 1
    hits = 0
    for i in np.flatnonzero(has_mate):
        row = nearest.getrow(i)
        if row.nnz and gold_arr[row.indices[row.data.argmax()]] == gold_arr[i]:
            hits += 1
    nn_share = hits / max(1, int(has_mate.sum()))

    started = time.perf_counter()
    dense = x.toarray().astype(np.float32)
    distances = 1.0 - dense @ dense.T
    np.clip(distances, 0.0, 2.0, out=distances)
    condensed = distances[np.triu_indices(len(texts), k=1)]
    del distances, dense
    tree = linkage(condensed, method="average")
    agg_s = tfidf_s + time.perf_counter() - started
    best = None
    for threshold in np.arange(0.50, 0.951, 0.05):
        labels = fcluster(tree, t=threshold, criterion="distance")
        p, r, f = bcubed(gold, labels)
        if best is None or f > best[3]:
            best = (threshold, p, r, f)
    threshold, p, r, f = best
    rows.append((f"sklearn average linkage, best threshold {threshold:.2f}", p, r, f, len(texts) / agg_s))

    print(f"{len(texts)} documents in {len(set(gold))} clusters, BCubed")
    print(f"{'system':<46} {'P':>6} {'R':>6} {'F1':>6} {'docs/s':>9}")
    for name, p, r, f, speed in rows:
        shown = f"{speed:9.0f}" if speed else "        -"
        print(f"{name:<46} {p:6.3f} {r:6.3f} {f:6.3f} {shown}")
    print(f"of the {int(has_mate.sum())} documents with a cluster mate, {nn_share:.3f} have a cluster mate "
          "as their nearest document by TF-IDF cosine (a bound on what lexical similarity can do)")


if __name__ == "__main__":
    main()
