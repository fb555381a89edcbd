"""Learns the verbs that attribute a view or a stance ("backs the plan", "called for a recount",
"wants to run") from an attributions data set, and writes the table attribution reads.

usage: python3 benches/view_cues.py CONVERTED.jsonl [--out crates/parallax/src/attribute/view_cues.tsv]
       [--rate 0.35] [--min-articles 2]

CONVERTED.jsonl is a split of PolNeAR converted by `benches/polnear.py` (build the table on
train only; dev is what checks it, and test is never read). The table is a statistic of the
whole split, not a list picked by hand:

- A verb's key is its word, lower-cased, followed by the particle after it when there is one
  ("called for", "wants to"; "that" counts as one, so "found that", which reports a clause, is
  rated apart from "found", which mostly does not); an auxiliary, a negation or an adverb
  before it is skipped ("has often called for" is "called for"; an adverb is a listed word, or
  a lower-case word of five letters or more in -ly that is not one of a few nouns such as
  "family").
- A verb after a skipped form of "be" that does not end in -ing is passive ("was attacked",
  "is critical of"): its key is marked "be:" ("be:critical of") and rated apart from the
  active one, since the subject of a passive verb mostly does not hold the position.
- seen: how often the key stands in the split after a word (a subject may end there), the
  verb not capitalised (headlines and sentence openings are left out) nor inside quotation
  marks (what a speaker says is no attribution of the reporter's).
- attributed: how often, of those, the verb is the cue of an annotated attribution whose
  source stands before it and whose content follows it.
- A key enters the table when it is attributed at least RATE of the times it is seen
  (attributed / seen >= 0.35), in at least two articles, so that one article's wording cannot
  make a rule (scope "any": after any subject). The bar is where a key's reading starts to
  raise F1 rather than lower it: with calibrated scores the F1-optimal threshold is half the F1
  reached (Lipton, Elkan and Naryanaswamy, "Thresholding classifiers to maximize F1", 2014),
  and train's all-attribution F1 with this table is 0.71, so 0.35. A bar of 0.5 ("more often
  than not") over at least five occurrences gave 267 keys and all-attribution F1 0.670 on
  train, 0.693 on dev; 0.35 over five occurrences 430 keys, 0.699 and 0.717; 0.35 in two
  articles 677 keys, 0.712 and 0.726; with passive keys apart (below) 691 keys, 0.713 and
  0.725.
- A key that falls short but passes the same bars where the word before it is a name or a
  personal pronoun (capitalised, or he, she, they, we, I, you, it, who) enters with scope
  "named": it applies only there ("Roe asked …", not "the report asked …").

The verbs of speech Parallax already reads (said, told, ...) may be in the table too: attribution
tries them first with their own patterns, and reads a verb as a view only when those find
nothing. The Rust side (`attribute::views`) applies the same key and skip lists.
"""

import argparse
import collections
import json
import re

from polnear import quoted_mask

# Words skipped between a subject and its verb. Keep in step with `attribute::views::SKIPPED`.
SKIPPED = set(
    """am are be been being can could did do does had has have is may might must shall should
    was were will would 's 've 'd 'll not never n't don't doesn't didn't won't wouldn't can't
    cannot couldn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't also again
    already always even ever finally first further immediately initially just later long now
    often once only previously privately publicly quickly really recently repeatedly reportedly
    still then""".split()
)
# Forms of "be" that, skipped before a verb not in -ing, make its key passive ("is banned",
# "was told": the subject undergoes the act). Keep in step with `attribute::views::BE`.
BE = set("am are aren't be been being is isn't was wasn't were weren't".split())
# The mark of a passive key ("be:critical of"). Keep in step with `attribute::views::PASSIVE`.
PASSIVE = "be:"
# Particles that make one key with the verb before them. Keep in step with `views::PARTICLES`.
PARTICLES = set("about against as at by for from in into of on out over that to up with".split())
# Subjects that name someone. Keep in step with `attribute::views::NAMING_PRONOUNS`.
NAMING_PRONOUNS = set("he she they we i you it who".split())
RATE = 0.35
MIN_ARTICLES = 2
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*|[^\sA-Za-z\d]")


# Nouns in -ly, no adverbs. Keep in step with `attribute::views::LY_NOUNS`.
LY_NOUNS = set("ally anomaly assembly family july monopoly rally reply supply".split())


def is_skipped(word):
    """An auxiliary, a negation or an adverb: a listed word, or a lower-case word of five
    letters or more in -ly that is not a noun ("Kelly", "family" and "assembly" are not
    skipped)."""
    low = norm(word)
    if low in SKIPPED:
        return True
    return word[:1].islower() and low.endswith("ly") and len(low) > 4 and low not in LY_NOUNS


def norm(word):
    return word.lower().replace("’", "'")


def keyed_positions(text):
    """(start offset, key, named) of every lower-case word that follows a word, after skipping;
    named when that word is capitalised or a personal pronoun."""
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    quoted = quoted_mask(text)
    out = []
    for i, (start, _end, word) in enumerate(toks):
        low = norm(word)
        if not word[0].islower() or quoted[start] or is_skipped(word) or low in PARTICLES:
            continue
        j = i - 1
        passive = False
        while j >= 0 and is_skipped(toks[j][2]):
            passive = passive or norm(toks[j][2]) in BE
            j -= 1
        if j < 0 or not toks[j][2][0].isalnum() or "\n" in text[toks[j][1]:start]:
            continue
        nxt = norm(toks[i + 1][2]) if i + 1 < len(toks) else ""
        key = f"{low} {nxt}" if nxt in PARTICLES else low
        if passive and not low.endswith("ing"):
            key = PASSIVE + key
        before = toks[j][2]
        named = before[0].isupper() or norm(before) in NAMING_PRONOUNS
        out.append((start, key, named))
    return out


def cue_heads(article):
    """Start offsets of the first word of each source-before-cue-before-content cue that is not
    a skipped word."""
    heads = set()
    text = article["text"]
    for q in article["quotes"]:
        cue, source, content = q.get("verb_span"), q.get("speaker_span"), q.get("quote_span")
        if not cue or not source or not content:
            continue
        if source[1] > cue[0] or cue[1] > content[0]:
            continue
        for m in TOKEN.finditer(text, cue[0], cue[1]):
            if not is_skipped(m.group()):
                heads.add(m.start())
                break
    return heads


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("converted")
    ap.add_argument("--out", default="crates/parallax/src/attribute/view_cues.tsv")
    ap.add_argument("--rate", type=float, default=RATE)
    ap.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
    args = ap.parse_args()
    seen, attributed = collections.Counter(), collections.Counter()
    seen_named, attributed_named = collections.Counter(), collections.Counter()
    # key -> the articles where it was attributed (after a name)
    sources, sources_named = collections.defaultdict(set), collections.defaultdict(set)
    articles = 0
    with open(args.converted, encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            articles += 1
            heads = cue_heads(article)
            for start, key, named in keyed_positions(article["text"]):
                seen[key] += 1
                attributed[key] += start in heads
                if start in heads:
                    sources[key].add(articles)
                if named:
                    seen_named[key] += 1
                    attributed_named[key] += start in heads
                    if start in heads:
                        sources_named[key].add(articles)

    def passes(a, n, articles):
        return len(articles) >= args.min_articles and a >= args.rate * n

    scopes = {}
    for k in seen:
        if passes(attributed[k], seen[k], sources[k]):
            scopes[k] = "any"
        elif passes(attributed_named[k], seen_named[k], sources_named[k]):
            scopes[k] = "named"
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(
            f"# Verbs that attribute a view: learned by benches/view_cues.py from {articles} "
            f"articles (attributed/seen >= {args.rate}, attributed in >= {args.min_articles} "
            "articles; "
            "scope named: only after "
            "a name or a personal pronoun).\n"
            f"# key ({PASSIVE} marks a passive verb)\tscope\tattributed\tseen\tattributed after a "
            "name\tseen after a name\n"
        )
        for k in sorted(scopes):
            out.write(
                f"{k}\t{scopes[k]}\t{attributed[k]}\t{seen[k]}\t{attributed_named[k]}\t"
                f"{seen_named[k]}\n"
            )
    named = sum(1 for v in scopes.values() if v == "named")
    print(f"{len(scopes)} keys ({named} after a name only) from {articles} articles -> {args.out}")


if __name__ == "__main__":
    main()
