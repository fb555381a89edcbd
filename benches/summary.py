"""Multi-document summaries: Parallax against sumy's LexRank on the same clusters, one run.

usage: python benches/summary.py PARALLAX_BINARY DATASET [WORDS]

DATASET is Multi-News-style JSONL ({"id", "documents", "summary"}). Both systems get each
cluster's documents as they are and their summaries are cut to WORDS words (default 260) and
scored with Google's rouge-score (stemming on, F1 x 100), the scorer Parallax's own ROUGE
reproduces. LexRank (sumy) reads the documents joined, with a regular-expression sentence
splitter (sumy's default one needs NLTK data this machine cannot download), sumy's English
stemmer and stop words; it is timed per cluster in this process. Parallax's summaries come
from `parallax summarize`, and its time per cluster from `parallax eval summary` (one core,
the lower median of six passes taken in turns with LexRank's slices of the clusters).
"""

import json
import re
import subprocess
import sys
import time

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
WORD = re.compile(r"\w+(?:['’]\w+)*")


class RegexTokenizer:
    """Sentences and words for sumy, without NLTK's downloadable models."""

    language = "english"

    def to_sentences(self, paragraph):
        out = []
        for line in paragraph.splitlines():
            out.extend(s.strip() for s in SENTENCE_END.split(line) if s.strip())
        return out

    def to_words(self, sentence):
        return WORD.findall(sentence)


def cut(sentences, words):
    out, left = [], words
    for s in sentences:
        if left <= 0:
            break
        w = s.split()[:left]
        out.append(" ".join(w))
        left -= len(w)
    return "\n".join(out)


def main():
    binary, dataset = sys.argv[1], sys.argv[2]
    words = int(sys.argv[3]) if len(sys.argv) > 3 else 260
    clusters = [json.loads(l) for l in open(dataset, encoding="utf-8") if l.strip()]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)

    def score(predictions):
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
        for c, p in zip(clusters, predictions):
            s = scorer.score(c["summary"], p)
            for k in totals:
                totals[k] += s[k].fmeasure
        return {k: 100 * v / len(clusters) for k, v in totals.items()}

    def parallax_pass():
        return json.loads(
            subprocess.run(
                [binary, "eval", "summary", "--dataset", dataset, "--words", str(words)],
                check=True, capture_output=True, text=True,
            ).stdout
        )

    # This machine's speed drifts within a run, so the two systems are timed in turns: LexRank in
    # five slices of the clusters, with one pass of Parallax (a fraction of a second) before the
    # first slice and after each; Parallax's time is the lower median of its six passes.
    tokenizer = RegexTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    lexrank, seconds = [None] * len(clusters), 0.0
    passes = [parallax_pass()]
    slices = 5
    for k in range(slices):
        for i in range(k, len(clusters), slices):
            c = clusters[i]
            started = time.perf_counter()
            parser = PlaintextParser.from_string("\n\n".join(c["documents"]), tokenizer)
            picked = summarizer(parser.document, 20)
            lexrank[i] = cut([str(s) for s in picked], words)
            seconds += time.perf_counter() - started
        passes.append(parallax_pass())
    lexrank_ms = 1000 * seconds / len(clusters)

    out = subprocess.run(
        [binary, "summarize", "--jsonl", dataset, "--words", str(words)],
        check=True, capture_output=True, text=True,
    ).stdout
    by_id = {}
    for line in out.splitlines():
        if line.strip():
            r = json.loads(line)
            by_id[r["id"]] = [s["text"] for s in r["sentences"]]
    parallax = [cut(by_id.get(c["id"], []), words) for c in clusters]
    px_eval = sorted(passes, key=lambda p: p["ms_per_cluster"])[(len(passes) - 1) // 2]

    rows = [("parallax", score(parallax), px_eval["ms_per_cluster"]), ("sumy LexRank", score(lexrank), lexrank_ms)]
    print(f"{len(clusters)} clusters, {words} words, rouge-score F1 x 100 (stemmed), one core each")
    print(f"{'system':<14} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} {'ms/cluster':>11}")
    for name, r, ms in rows:
        print(f"{name:<14} {r['rouge1']:6.2f} {r['rouge2']:6.2f} {r['rougeLsum']:7.2f} {ms:11.2f}")
    print(f"parallax eval summary (Parallax's own ROUGE): R-1 {px_eval['rouge1']:.2f} R-2 {px_eval['rouge2']:.2f}")
    print(f"speed ratio parallax / LexRank: {lexrank_ms / px_eval['ms_per_cluster']:.0f}x")


if __name__ == "__main__":
    main()
