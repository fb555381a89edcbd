"""PolNeAR to a `parallax eval quotes` data set: one split of the corpus as JSONL.

usage: python3 benches/polnear.py [--repo GIT_DIR] --split train|dev|test --out FILE

Source. PolNeAR v1.0.0 (Newell, Margolin & Ruths, "An attribution relations corpus for political
news", LREC 2018; github.com/networkdynamics/PolNeAR): 1008 US news articles about the 2016
presidential campaign from 7 publishers, with every attribution (source, cue, content) annotated
by hand in BRAT standoff, and CoreNLP XML (tokens, POS, NER, dcoref chains) alongside. The script
reads a bare git copy of the repository with `git show HEAD:<path>`: data/<split>/text/<stem>.txt,
data/<split>/attributions/<stem>_<annotator>.ann and data/<split>/corenlp/<stem>.txt.xml.
Licence: the README states none (there is no LICENSE file; only the bundled Python package's
setup.py says MIT). The README asks users to cite the LREC 2018 paper.

Held-out split. The README says the test split must never be looked at, only scored once; the
script accepts `--split test` for that single scoring run. The rules below were worked out on
train and dev only.

Conversion, one line per article:
  {"id": stem, "outlet": publisher code (file-name prefix), "text": article text,
   "quotes": [{"quote", "quote_span", "speaker", "speaker_span", "verb", "verb_span",
               "reference", "kind"}]}
- Offsets. BRAT offsets are Unicode code-point offsets into the .txt (checked on every span of
  train and dev: text[start:end] is the annotated string), so they are Python string indices
  and are kept, end exclusive. CoreNLP's CharacterOffsetBegin/End agree (no text has a
  character outside the Basic Multilingual Plane, where Java's UTF-16 offsets would differ).
- Annotators. A few articles were annotated by all six annotators (agreement checks); the
  annotation of the alphabetically first annotator id is taken, so each article appears once.
- Events. Each BRAT event (types Attribution and Attribution-no-source) is one quote; events
  without a Content role are skipped. Content may be discontinuous ("s e;s e") and an event may
  have a second content role (Content2): all fragments are pooled, each is trimmed of white
  space, and quote_span runs from the first start to the last end. "quote" is the fragments
  joined by a space (as BRAT writes them), so it equals text[quote_span] when there is one
  fragment; with several, "quote_parts" lists their spans. Source and cue are treated the same
  way (null when the event has none); Discuss/Discard spans and annotator notes are ignored.
  A handful of events have their Source and Cue labels swapped (the "source" is "said" and the
  "cue" a name); when the source is a bare speech verb and the cue is not, the two are swapped.
- kind. Every character of the article is marked inside or outside double quotation marks by
  scanning each paragraph (line) from its start: a curly opening mark (“ „ «) opens; a curly
  closing mark (” ») closes, except at the start of a paragraph or between a space and a word,
  where it is a misprinted opening mark and opens; a straight " toggles, and so does a doubled
  '' (the New York Times writes its quotation marks as two apostrophes); a new line closes
  (multi-paragraph quotations reopen each paragraph). Marks just outside the content span thus
  count. Over the letters and digits of the content: all inside -> "direct", some inside ->
  "mixed", none -> "indirect". Single quotation marks are not counted (they cannot be told from
  apostrophes), so a headline's ‘quoted words’ count as unquoted.
- reference. A source containing a proper noun (a CoreNLP NNP/NNPS token) is its own reference.
  A pronoun source ("he", "they", "I", "his", "who", ...) or a generic one without a proper noun
  ("the fund", "the alliance") is looked up in the article's CoreNLP coreference chains: the
  mention whose head lies in the source and which covers at least half of it (largest overlap,
  then shortest) picks the chain; for a relative pronoun ("Trump, who said") the mention ending
  just before it does. The reference is then the longest name in that chain: for each mention
  headed by a proper noun tagged PERSON, ORGANIZATION or LOCATION, the run of proper nouns of
  the same entity type around the head (so "Republican nominee Donald Trump's" gives "Donald
  Trump": articles, possessives and most titles fall away). A relative pronoun outside any chain
  takes the name just before it. A source with a proper noun inside a description ("the Ohio
  governor", "the Lee campaign": its first phrase ends in a common noun) is looked up the same
  way, through a mention headed by that common noun. Otherwise (no chain, a chain without a
  name, no CoreNLP file) the reference is the source text itself. The chains' representative mentions are not used
  when no name is found: for pronouns they are often wrong ("a child's", "her skill").
  A description left unresolved by the article's CoreNLP chains ("the senator", "officials",
  "the Ohio governor"; articles without a CoreNLP file get no mark) is marked
  "reference_as_written":
  the data set does not say who it is, so `eval quotes` counts the speaker right when Parallax
  writes it with the same words (its `speaker_written`; case, articles and possessives aside),
  as well as when its resolved name matches.
"""

import argparse
import collections
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

DEFAULT_REPO = "/work/.mirror/networkdynamics+PolNeAR/repo"
PRONOUNS = set(
    "i me my mine we us our ours you your yours he him his she her hers it its they them their "
    "theirs himself herself itself themselves ourselves myself yourself who whom whose which "
    "that this these those".split()
)
OPENING, CLOSING, STRAIGHT = "“„«", "”»", '"'
PROPER = ("NNP", "NNPS")
NAMED = ("PERSON", "ORGANIZATION", "LOCATION")
RELATIVE = ("who", "which", "that")
CUE_WORDS = ("said", "says", "say", "told", "tells", "added", "wrote", "asked", "according to")


def git_show(repo, path):
    """The text of `path` at HEAD of the bare repository, or None when it is absent."""
    run = subprocess.run(["git", "--git-dir=" + repo, "show", "HEAD:" + path], capture_output=True)
    return run.stdout.decode("utf-8") if run.returncode == 0 else None


def git_list(repo, folder):
    """Paths of the files under `folder` at HEAD, sorted."""
    out = subprocess.run(
        ["git", "--git-dir=" + repo, "ls-tree", "-r", "--name-only", "HEAD", folder],
        capture_output=True, text=True, check=True,
    ).stdout
    return sorted(out.split())


def parse_ann(ann):
    """BRAT standoff -> (spans {T id: [(start, end), ...]}, events [{role: [T id, ...]}])."""
    spans, events = {}, []
    for line in ann.split("\n"):
        fields = line.split("\t")
        if re.fullmatch(r"T\d+", fields[0]) and len(fields) > 1:
            _, offsets = fields[1].split(" ", 1)
            spans[fields[0]] = [tuple(map(int, f.split())) for f in offsets.split(";")]
        elif re.fullmatch(r"E\d+", fields[0]) and len(fields) > 1:
            roles = collections.defaultdict(list)
            for arg in fields[1].split()[1:]:  # the first is the trigger, Attribution:Tn
                role, tid = arg.split(":")
                roles[re.sub(r"\d+$", "", role)].append(tid)
            events.append(roles)
    return spans, events


def fragments(text, spans, ids):
    """The white-space-trimmed, sorted (start, end) fragments of the spans `ids`."""
    out = []
    for tid in ids:
        for start, end in spans.get(tid, []):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.append((start, end))
    return sorted(set(out))


def misprinted_opening(text, i):
    """True when the closing mark at `i` opens a quotation: it begins a paragraph, or it
    follows a space and comes right before a word."""
    line_start = text.rfind("\n", 0, i) + 1
    if not text[line_start:i].strip():
        return True
    return text[i - 1].isspace() and text[i + 1 : i + 2].isalnum()


def quoted_mask(text):
    """For each character of `text`, True when it lies inside double quotation marks."""
    mask, inside = [False] * len(text), False
    for i, ch in enumerate(text):
        if ch == "\n" or ch in CLOSING and not misprinted_opening(text, i):
            inside = False
        elif ch in OPENING or ch in CLOSING:
            inside = True
        elif ch == STRAIGHT or text.startswith("''", i) and text[i - 1 : i] != "'":
            inside = not inside
        elif ch != "'" or text[i - 1 : i] != "'":  # not the second ' of ''
            mask[i] = inside
    return mask


def kind(text, mask, frags):
    """"direct", "mixed" or "indirect" from the quoting of the fragments' letters and digits."""
    flags = [mask[i] for s, e in frags for i in range(s, e) if text[i].isalnum()]
    if flags and all(flags):
        return "direct"
    return "mixed" if any(flags) else "indirect"


def parse_corenlp(xml):
    """CoreNLP XML -> (tokens [(start, end, word, pos, ner)], chains [[mention]]); a mention is
    (start, end, first token, end token, head token, representative) with token indices."""
    root = ET.fromstring(xml)
    tokens, first = [], {}
    for sentence in root.iter("sentence"):
        if sentence.find("tokens") is None:
            continue
        first[sentence.get("id")] = len(tokens)
        for t in sentence.iter("token"):
            tokens.append((int(t.findtext("CharacterOffsetBegin")),
                           int(t.findtext("CharacterOffsetEnd")), t.findtext("word"),
                           t.findtext("POS"), t.findtext("NER")))
    chains = []
    outer = root.find("document/coreference")
    for chain in outer if outer is not None else []:
        mentions = []
        for m in chain.iter("mention"):
            base = first[m.findtext("sentence")] - 1  # token ids are 1-based within a sentence
            a, b = base + int(m.findtext("start")), base + int(m.findtext("end"))
            head = base + int(m.findtext("head"))
            mentions.append((tokens[a][0], tokens[b - 1][1], a, b, head, m.get("representative")))
        chains.append(mentions)
    return tokens, chains


def is_pronoun(source):
    """True when every word of the source is a pronoun."""
    words = re.findall(r"\w+", source.lower())
    return bool(words) and all(w in PRONOUNS for w in words)


def name_run(text, tokens, head, lo_limit=0, hi_limit=None):
    """The run of proper-noun tokens sharing the head's entity type around token `head`, when
    the head is a proper noun naming a person, organisation or place; else None."""
    pos, ner = tokens[head][3], tokens[head][4]
    if pos not in PROPER or ner not in NAMED:
        return None
    hi_limit = len(tokens) if hi_limit is None else hi_limit

    def same(token):
        return token[3] in PROPER and token[4] == ner

    lo, hi = head, head + 1
    while lo > lo_limit and same(tokens[lo - 1]):
        lo -= 1
    while hi < hi_limit and same(tokens[hi]):
        hi += 1
    return text[tokens[lo][0]:tokens[hi - 1][1]]


def source_mention(corenlp, span, relative, head=None):
    """The coreference mention standing for the source: for a relative pronoun ("who"), the one
    ending just before it (", who"); otherwise the one whose head lies in the source and that
    covers at least half of it (the largest overlap, then the shortest), and, when `head` is
    given, whose head is that token. None when none does."""
    tokens, chains = corenlp
    s, e = span
    best = None
    for i, chain in enumerate(chains):
        for m in chain:
            if relative:
                ok = m[1] <= s and s - m[1] <= 3
                key = (m[1], -(m[1] - m[0]))
            else:
                overlap = min(e, m[1]) - max(s, m[0])
                ok = s <= tokens[m[4]][0] < e and 2 * overlap >= e - s
                ok = ok and head in (None, m[4])
                key = (overlap, -(m[1] - m[0]))
            if ok and (best is None or key > best[0]):
                best = (key, i, m)
    return best


def resolve(text, corenlp, span, pronoun, head=None):
    """The canonical name for the source at `span`, or None: the longest proper name among the
    mentions of its coreference chain (a relative pronoun without a chain: the name just before
    it)."""
    tokens, chains = corenlp
    relative = pronoun and text[span[0]:span[1]].lower() in RELATIVE
    found = source_mention(corenlp, span, relative, head)
    if found is None:
        if not relative:
            return None
        before = [i for i, t in enumerate(tokens) if t[1] <= span[0] and span[0] - t[1] <= 3]
        return name_run(text, tokens, before[-1]) if before else None
    chain = chains[found[1]]
    names = [n for n in (name_run(text, tokens, m[4], m[2], m[3]) for m in chain) if n]
    return max(names, key=len, default=None)


# Words after "and" that make a list of sources a group ("Lee and others", "and many more").
GROUP_WORDS = {"other", "others", "those", "many", "more", "several", "some", "elsewhere", "all"}
HEAD_STOPS = {",", "(", "-LRB-", "of", "in", "at", "from", "for", "with", "by", "on", "who",
              "that", "which", "whose"}


def person_follows(tokens, i, last):
    """True when one of the two tokens after token `i`, up to token `last`, is tagged as a
    person's name."""
    return any(t[4] == "PERSON" for t in tokens[i + 1 : min(i + 3, last + 1)])


def head_phrases(text, corenlp, span):
    """The source's phrases as token lists: split at commas and parentheses, each cut at a
    preposition or a relative pronoun ("Lee, a former mayor of Dover," -> [Lee], [a former
    mayor]). None for two sources joined by "and" ("Roe and Lee", "Roe, Lee and Cho", "Roe of
    Ohio and Lee of Utah"); an "and" inside a relative clause or a prepositional phrase that
    names no person next ("Lee, whose allies and aides") joins no sources. Nor does one inside a
    description of a person set off by a comma ("Lee, a writer and former mayor,"), unless a
    list is read: a phrase that is a name alone ("Lee, Roe and other senators"), a proper noun
    within two words or a person's name anywhere after it ("Lee, a mayor, and state Sen. Roe";
    "Lee, 25, and his wife, Ann Roe,"), a group word next ("and others"), or a parenthesis just
    before it ("Sen. Lee (R) and conservative groups")."""
    tokens = corenlp[0]
    inside = [i for i, t in enumerate(tokens) if span[0] <= t[0] and t[1] <= span[1]]
    phrases, current, cut = [], [], False

    def joins_sources(i):
        if cut:
            return person_follows(tokens, i, inside[-1])
        if not phrases:
            return True
        after = [j for j in inside if j > i]
        # A person's name, perhaps after a title CoreNLP tags as no entity ("Mr. Lee").
        first_is_person = any(tokens[j][4] == "PERSON" for j in phrases[0]) and all(
            tokens[j][4] in ("PERSON", "O") for j in phrases[0] if tokens[j][3] in PROPER)
        names_listed = any(all(tokens[j][3] in PROPER for j in p) for p in phrases[1:] + [current] if p)
        group_next = bool(after) and text[tokens[after[0]][0]:tokens[after[0]][1]].lower() in GROUP_WORDS
        return (not after or not first_is_person or names_listed or group_next
                or text[tokens[i - 1][0]:tokens[i - 1][1]] in (")", "-RRB-")
                or any(tokens[j][3] in PROPER for j in after[:2])
                or any(tokens[j][4] == "PERSON" for j in after))

    for i in inside:
        word = text[tokens[i][0]:tokens[i][1]]
        if word in (",", "(", "-LRB-"):
            phrases.append(current)
            current, cut = [], False
        elif word.lower() == "and" and joins_sources(i):
            return None
        elif not cut and word.lower() in HEAD_STOPS:
            cut = True
        elif not cut and word not in ("'s", "\u2019s", "'", "\u2019"):
            current.append(i)
    phrases.append(current)
    return [p for p in phrases if p]


def head_of(text, corenlp, span):
    """The token index of the source's head, the last word of its first phrase; None when there
    is none (two sources joined by "and", no tokens)."""
    phrases = head_phrases(text, corenlp, span)
    return phrases[0][-1] if phrases else None


def head_is_common(text, corenlp, span):
    """True when the source's head is not a proper noun: a description ("the Ohio governor",
    "the Lee campaign"), even with names inside it."""
    head = head_of(text, corenlp, span)
    return head is not None and corenlp[0][head][3] not in PROPER


def name_in(text, corenlp, span):
    """The name a source holding more than a name stands for, read from its head: the run of
    proper nouns (one entity type) that ends the source's first phrase, cut at a comma, a
    parenthesis, a preposition or a relative pronoun ("Sen. Ann Roe (D-Ore.)", "the mayor's aide
    Ann Roe", "Lee, a former mayor," -> "Ann Roe", "Ann Roe", "Lee"); failing that, a name
    standing in apposition after the first comma ("an aide to the mayor, Ann Roe,"). None when
    the head is a common noun ("a judge in Ohio", "the Ohio judge"), and for two sources joined by
    "and" ("Roe and Lee" stays as written)."""
    tokens = corenlp[0]
    phrases = head_phrases(text, corenlp, span)
    if phrases is None:
        return None
    for n, phrase in enumerate(phrases[:2]):
        last = phrase[-1]
        run = name_run(text, tokens, last, phrase[0], last + 1)
        # The apposition after the first comma names the source only as a person ("an aide,
        # Ann Roe,"), not a place ("a voter in Dover, Delaware").
        if run and (n == 0 or tokens[last][4] == "PERSON"):
            return run
        # A first phrase of proper nouns CoreNLP gave no entity type ("Roe, a former mayor,").
        if n == 0 and len(phrases) > 1 and all(tokens[i][3] in PROPER for i in phrase):
            return text[tokens[phrase[0]][0]:tokens[last][1]]
    return None


def has_proper_noun(corenlp, span):
    """True when a CoreNLP token inside the span is a proper noun."""
    return any(span[0] <= t[0] < span[1] and t[3] in PROPER for t in corenlp[0])


def is_cue_word(text, frags):
    """True when the fragments read as a bare speech verb ("said", "according to")."""
    words = " ".join(text[s:e] for s, e in frags).lower().strip(" ,.:")
    return words in CUE_WORDS


def joined(text, frags):
    """(text of the fragments joined by a space, [first start, last end]) or (None, None)."""
    if not frags:
        return None, None
    return " ".join(text[s:e] for s, e in frags), [frags[0][0], frags[-1][1]]


def convert_article(text, ann, corenlp, stats):
    """The quotes of one article, counting kinds and pronoun resolutions into `stats`."""
    spans, events = parse_ann(ann)
    mask = quoted_mask(text)
    quotes = []
    for roles in events:
        content = fragments(text, spans, roles["Content"])
        if not content:
            stats["no content"] += 1
            continue
        source = fragments(text, spans, roles["Source"])
        cue = fragments(text, spans, roles["Cue"])
        if is_cue_word(text, source) and not is_cue_word(text, cue):
            source, cue = cue, source
            stats["swapped source/cue"] += 1
        quote, quote_span = joined(text, content)
        speaker, speaker_span = joined(text, source)
        verb, verb_span = joined(text, cue)
        reference, known, as_written = speaker, speaker is not None, False
        if speaker is None:
            stats["no source"] += 1
        else:
            pronoun = is_pronoun(speaker)
            stats["pronoun sources"] += pronoun
            if corenlp and (pronoun or not has_proper_noun(corenlp, speaker_span)):
                name = resolve(text, corenlp, speaker_span, pronoun)
                if name and name != speaker:
                    reference = name
                    stats["pronouns resolved" if pronoun else "generic resolved"] += 1
                elif pronoun:
                    known = False
                else:
                    as_written = True
            elif pronoun:
                known = False
            elif corenlp:
                name = name_in(text, corenlp, speaker_span)
                if name and name != speaker:
                    reference = name
                    stats["names cut from sources"] += 1
                elif name is None and head_is_common(text, corenlp, speaker_span):
                    # A description with a name inside ("the Ohio governor"): looked up as a
                    # generic one, through a mention headed by the description's own head.
                    head = head_of(text, corenlp, speaker_span)
                    name = resolve(text, corenlp, speaker_span, False, head)
                    if name and name != speaker:
                        reference = name
                        stats["generic resolved"] += 1
                    else:
                        as_written = True
        q = {"quote": quote, "quote_span": quote_span, "speaker": speaker,
             "speaker_span": speaker_span, "verb": verb, "verb_span": verb_span,
             "reference": reference, "kind": kind(text, mask, content)}
        if not known:
            q["reference_known"] = False
            stats["speaker unknown"] += 1
        if as_written:
            q["reference_as_written"] = True
            stats["descriptions as written"] += 1
        if len(content) > 1:
            q["quote_parts"] = [list(f) for f in content]
            stats["discontinuous"] += 1
        stats[q["kind"]] += 1
        quotes.append(q)
    quotes.sort(key=lambda q: q["quote_span"])
    return quotes


def annotation_paths(repo, split):
    """{article stem: path of its .ann}, the alphabetically first annotator for each stem."""
    chosen = {}
    for path in git_list(repo, "data/%s/attributions" % split):
        stem = re.sub(r"_[0-9a-f]{4}\.ann$", "", path.rsplit("/", 1)[1])
        chosen.setdefault(stem, path)
    return chosen


def main():
    """Convert the split and print a one-line summary to stderr."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repo", default=DEFAULT_REPO)
    p.add_argument("--split", required=True, choices=["train", "dev", "test"])
    p.add_argument("--out", required=True)
    args = p.parse_args()
    stats = collections.Counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for stem, ann_path in sorted(annotation_paths(args.repo, args.split).items()):
            text = git_show(args.repo, "data/%s/text/%s.txt" % (args.split, stem))
            if text is None:
                sys.exit("polnear: no text file for %s" % stem)
            xml = git_show(args.repo, "data/%s/corenlp/%s.txt.xml" % (args.split, stem))
            if xml is None:
                stats["no corenlp"] += 1
                print("polnear: no CoreNLP file for %s; sources unresolved" % stem, file=sys.stderr)
            corenlp = parse_corenlp(xml) if xml else None
            quotes = convert_article(text, git_show(args.repo, ann_path), corenlp, stats)
            record = {"id": stem, "outlet": stem.split("_")[0], "text": text, "quotes": quotes,
                      "scope": "attributions"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            stats["articles"] += 1
    s = stats
    print(
        "polnear %s: %d articles, %d attributions (direct %d, mixed %d, indirect %d); %d without "
        "source, %d discontinuous, %d skipped without content, %d source/cue swapped; pronoun "
        "sources %d/%d resolved, generic sources resolved %d, names cut from longer sources %d; "
        "speaker unknown %d; %d articles without CoreNLP"
        % (args.split, s["articles"], s["direct"] + s["mixed"] + s["indirect"], s["direct"],
           s["mixed"], s["indirect"], s["no source"], s["discontinuous"], s["no content"],
           s["swapped source/cue"], s["pronouns resolved"], s["pronoun sources"],
           s["generic resolved"], s["names cut from sources"], s["speaker unknown"],
           s["no corenlp"]),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
