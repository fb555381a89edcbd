#!/usr/bin/env python3
"""Make a conflict data set for `parallax eval conflicts` by planting conflicts into real clusters.

usage: plant_conflicts.py CLUSTERS.jsonl[.gz] OUT.jsonl [--half dev|check|all] [--unplanted] [--seed N] [--limit LINES]

CLUSTERS is Multi-News-style JSONL (`{"id", "documents": [...]}`), e.g.
../shared/data/multinews/dev-raw.jsonl. For each cluster, sentences that two documents state the
same way (word-set Jaccard >= 0.5, 8 to 60 words) are found; in one of them, in the second
document only, one thing is changed, and the change is recorded as a gold conflict whose sides
are short exact substrings of the two documents:
- figure: a number both sentences give is changed (7 -> 14, "three" -> "six");
- date: a weekday both give becomes the next one; a day of a month moves by three days;
- identity: a name both give is replaced, everywhere in the second document, by a name from
  another cluster that this cluster never uses;
- denial: "not" is inserted after an auxiliary ("was charged" -> "was not charged").
Each plant is its own line (`{id}-{kind}`): the cluster with that one change. `--half` keeps the
clusters whose id hashes to that half (dev: even, check: odd), so rules built on one half are
checked on the other. `--unplanted` writes the chosen clusters unchanged, with no gold: what
Parallax reports there is read by hand for precision.
"""
import gzip, hashlib, json, random, re, sys

WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
          'October', 'November', 'December']
NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
AUXILIARIES = ['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'did', 'does']
SENTENCE_END = re.compile(r'(?<=[.!?])["\u201d\u2019]?\s+(?=["\u201c]?[A-Z])')
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019,.-]*[A-Za-z0-9]|[A-Za-z0-9]")


def opener(path):
    return gzip.open(path, 'rt', encoding='utf-8') if path.endswith('.gz') else open(path, encoding='utf-8')


def sentences(text):
    out = []
    for para in text.split('\n'):
        start = 0
        for m in SENTENCE_END.finditer(para):
            out.append(para[start:m.start() + 1].strip())
            start = m.end()
        out.append(para[start:].strip())
    return [s for s in out if 8 <= len(s.split()) <= 60]


def words(s):
    return [m for m in WORD.finditer(s)]


def same_pairs(docs):
    """(a doc, a sentence, b doc, b sentence) stated the same way, most alike first."""
    sents = [sentences(d) for d in docs]
    sets = [[{w.group().lower() for w in words(s)} for s in ss] for ss in sents]
    pairs = []
    for a in range(len(docs)):
        for b in range(len(docs)):
            if a == b:
                continue
            for i, sa in enumerate(sets[a]):
                for j, sb in enumerate(sets[b]):
                    jac = len(sa & sb) / max(1, len(sa | sb))
                    if jac >= 0.5:
                        pairs.append((jac, a, sents[a][i], b, sents[b][j]))
    pairs.sort(key=lambda p: -p[0])
    return pairs


def window(sentence, m, before=1, after=2):
    """An exact substring of `sentence` around word match `m`: a word before, two after."""
    ws = words(sentence)
    k = next(i for i, w in enumerate(ws) if w.start() == m.start())
    lo = ws[max(0, k - before)].start()
    hi = ws[min(len(ws) - 1, k + after)].end()
    return sentence[lo:hi]


def replace_in(doc, sentence, old_span, new):
    """`doc` with `sentence`'s text at `old_span` replaced by `new` (first occurrence of the sentence)."""
    at = doc.find(sentence)
    if at < 0:
        return None, None
    changed = sentence[:old_span[0]] + new + sentence[old_span[1]:]
    return doc[:at] + changed + doc[at + len(sentence):], changed


def plant_figure(docs, pairs, rng, names):
    for _, a, sa, b, sb in pairs:
        for mb in words(sb):
            w = mb.group()
            digits = w.replace(',', '')
            prev = sb[:mb.start()].split()
            if prev and prev[-1][:1].isupper():
                continue  # an identifier ("Flight 8501")
            if ':' in sb[mb.end():mb.end() + 2] or ':' in sb[max(0, mb.start() - 2):mb.start()]:
                continue  # a time of day
            near = (sb[max(0, mb.start() - 12):mb.start()] + ' ' + sb[mb.end():mb.end() + 12]).lower()
            if any(m.lower()[:3] in re.findall(r'[a-z]+', near) or m.lower() in near for m in MONTHS):
                continue  # a day of a month: a date, planted as one below
            if digits.isdigit():
                v = int(digits)
                if 1800 <= v <= 2100 or v < 2:
                    continue
                new = str(v * 2 if v < 10 else v + v // 2 + 1)
                if ',' in w:
                    new = f'{int(new):,}'
            elif w.lower() in NUMBER_WORDS:
                i = NUMBER_WORDS.index(w.lower())
                new = NUMBER_WORDS[(i + 3) % len(NUMBER_WORDS)]
                new = new.capitalize() if w[0].isupper() else new
            else:
                continue
            ma = next((m for m in words(sa) if m.group() == w), None)
            if ma is None:
                continue
            doc_b, changed = replace_in(docs[b], sb, mb.span(), new)
            # The second document must not still give the old value elsewhere: a number is
            # the same number whatever follows it, a comma included ("aged 30, was"), unless
            # that comma goes on with digits ("30,000"); a number word in any case.
            elsewhere = r'(?<!\w)(?<!\d[,.])' + re.escape(w) + r'(?!\w|[,.]\d)'
            if doc_b is None or re.search(elsewhere, doc_b, re.IGNORECASE):
                continue
            mb2 = next(m for m in words(changed) if m.start() == mb.start())
            return b, doc_b, 'figure', [(a, window(sa, ma)), (b, window(changed, mb2))]
    return None


def plant_date(docs, pairs, rng, names):
    for _, a, sa, b, sb in pairs:
        for mb in words(sb):
            w = mb.group()
            if w in WEEKDAYS:
                new = WEEKDAYS[(WEEKDAYS.index(w) + 1) % 7]
            elif w.isdigit() and 1 <= int(w) <= 28 and any(sb[:mb.start()].rstrip().endswith(m) for m in MONTHS):
                new = str(int(w) + 3)
            else:
                continue
            ma = next((m for m in words(sa) if m.group() == w), None)
            if ma is None or new in docs[b]:
                continue
            doc_b, changed = replace_in(docs[b], sb, mb.span(), new)
            if doc_b is None:
                continue
            mb2 = next(m for m in words(changed) if m.start() == mb.start())
            return b, doc_b, 'date', [(a, window(sa, ma)), (b, window(changed, mb2))]
    return None


def plant_identity(docs, pairs, rng, names):
    """A person's surname (the second of two capitalised words, not opening the sentence, the
    first not an article) replaced everywhere in the second document."""
    for _, a, sa, b, sb in pairs:
        ws = words(sb)
        for k, mb in enumerate(ws):
            w = mb.group()
            first = ws[k - 1].group() if k > 0 else ''
            if k < 2 or not first[:1].isupper() or first in ('The', 'A', 'An', 'In', 'On', 'At'):
                continue
            if not w[:1].isupper() or not w.isalpha() or len(w) < 4 or w in WEEKDAYS or w in MONTHS:
                continue
            if sb[ws[k - 1].end():mb.start()] != ' ':
                continue
            if k + 1 < len(ws) and ws[k + 1].group()[:1].isupper() and sb[mb.end():ws[k + 1].start()] == ' ':
                continue  # a longer capitalised run: an organisation's name more likely than a person's
            ma = next((m for m in words(sa) if m.group() == w), None)
            if ma is None:
                continue
            new = next((n for n in names if n not in docs[a] and n not in docs[b]), None)
            if new is None:
                return None
            names.remove(new)
            changed = sb[:mb.start()] + new + sb[mb.end():]
            doc_b = re.sub(r'\b' + re.escape(w) + r'\b', new, docs[b])
            if changed not in doc_b:
                continue
            mb2 = next(m for m in words(changed) if m.start() == mb.start())
            return b, doc_b, 'identity', [(a, window(sa, ma)), (b, window(changed, mb2))]
    return None


def plant_denial(docs, pairs, rng, names):
    for _, a, sa, b, sb in pairs:
        ws = words(sb)
        for k, mb in enumerate(ws[:-1]):
            if mb.group() not in AUXILIARIES or not ws[k + 1].group()[:1].islower():
                continue
            if ws[k + 1].group() in ('not', 'no', 'never') or "n't" in sb:
                continue
            sa_words = words(sa)
            ma = next((m for i, m in enumerate(sa_words[:-1])
                       if m.group() == mb.group() and sa_words[i + 1].group() == ws[k + 1].group()), None)
            if ma is None:
                continue
            doc_b, changed = replace_in(docs[b], sb, mb.span(), mb.group() + ' not')
            if doc_b is None:
                continue
            mb2 = next(m for m in words(changed) if m.start() == mb.start())
            return b, doc_b, 'denial', [(a, window(sa, ma, 0, 1)), (b, window(changed, mb2, 0, 2))]
    return None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    flag = lambda f, d=None: sys.argv[sys.argv.index(f) + 1] if f in sys.argv else d
    half = flag('--half', 'all')
    limit = int(flag('--limit')) if '--limit' in sys.argv else None
    rng = random.Random(int(flag('--seed', '7')))
    clusters = [json.loads(l) for l in opener(args[0]) if l.strip()]
    # Names for identity swaps: surnames of other clusters (the second of two capitalised words
    # inside a sentence) never written in lower case anywhere (so no common word).
    pool, lower = {}, set()
    for c in clusters:
        for d in c['documents']:
            lower.update(re.findall(r'\b[a-z]{4,}\b', d))
            for w in re.findall(r'(?<=[a-z] )[A-Z][a-z]+ ([A-Z][a-z]{3,})\b(?! [A-Z])', d):
                pool.setdefault(w, set()).add(c['id'])
    pool = {w: ids for w, ids in pool.items() if w.lower() not in lower}
    out = open(args[1], 'w', encoding='utf-8')
    planted = {'figure': 0, 'date': 0, 'identity': 0, 'denial': 0}
    written = 0
    for c in clusters:
        h = int(hashlib.sha1(c['id'].encode()).hexdigest(), 16) % 2
        if half == 'dev' and h != 0 or half == 'check' and h != 1:
            continue
        if limit is not None and written >= limit:
            break
        docs = [d for d in c['documents'] if d.strip()]
        if len(docs) < 2:
            continue
        if '--unplanted' in sys.argv:
            out.write(json.dumps({'id': c['id'], 'documents': docs, 'conflicts': []}) + '\n')
            written += 1
            continue
        pairs = same_pairs(docs)
        names = sorted(n for n, ids in pool.items() if c['id'] not in ids)
        rng.shuffle(names)
        for plant in (plant_figure, plant_date, plant_identity, plant_denial):
            got = plant(docs, pairs, rng, names)
            if got is None:
                continue
            b, doc_b, kind, sides = got
            new_docs = list(docs)
            new_docs[b] = doc_b
            gold = {'kind': kind, 'sides': [{'doc': d, 'text': t} for d, t in sides]}
            out.write(json.dumps({'id': f"{c['id']}-{kind}", 'documents': new_docs, 'conflicts': [gold]}) + '\n')
            planted[kind] += 1
            written += 1
    print(json.dumps({'lines': written, 'planted': planted}), file=sys.stderr)


main()
