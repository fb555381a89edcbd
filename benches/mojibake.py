"""Mojibake repair: Parallax against Python's ftfy on the same strings, one run.

usage: python benches/mojibake.py REPAIR_BINARY TABLE.rs

The correct strings are the `CORRECT` table of Parallax's mojibake test (42 strings in 30
languages). Each is turned into mojibake the ways it happens: its UTF-8 bytes read as
windows-1252, windows-1251, windows-1250, ISO-8859-2 or Mac Roman (bytes a charset leaves
undefined read as the C1 control of the same number, as browsers do), and read as windows-1252
twice. A repair counts when it gives back the correct string exactly. Both tools also get the
correct strings themselves: any change there is a false repair. ftfy runs `fix_encoding` (its
mojibake repair alone, without the width and quote normalisations of `fix_text`).
"""

import json
import re
import subprocess
import sys

import ftfy

UNDEFINED = {
    "cp1252": (0x81, 0x8D, 0x8F, 0x90, 0x9D),
    "cp1251": (0x98,),
    "cp1250": (0x81, 0x83, 0x88, 0x90, 0x98),
    "iso-8859-2": (),
    "mac_roman": (),
}


def misread(text, charset):
    return "".join(
        chr(b) if b in UNDEFINED[charset] else bytes([b]).decode(charset)
        for b in text.encode("utf-8")
    )


def main():
    binary, table = sys.argv[1], sys.argv[2]
    source = open(table, encoding="utf-8").read()
    block = source[source.index("const CORRECT"):]
    block = block[: block.index("];")]
    correct = [json.loads(f'"{m}"') for m in re.findall(r'^\s+"(.*)",$', block, re.M)]
    cases = []
    for s in correct:
        broken = [(c, misread(s, c)) for c in UNDEFINED]
        broken.append(("cp1252 twice", misread(misread(s, "cp1252"), "cp1252")))
        cases.extend((c, b, s) for c, b in broken if b != s)
    inputs = [b for _, b, _ in cases] + correct
    out = subprocess.run(
        [binary],
        input="".join(json.dumps(t) + "\n" for t in inputs),
        check=True, capture_output=True, text=True,
    ).stdout
    px = [json.loads(l) for l in out.splitlines()]
    ff = [ftfy.fix_encoding(t) for t in inputs]
    charsets = list(UNDEFINED) + ["cp1252 twice"]
    print(f"{len(correct)} correct strings, {len(cases)} broken ones; ftfy {ftfy.__version__}")
    print(f"{'misread as':<14} {'parallax':>9} {'ftfy':>9}")
    for c in charsets:
        idx = [i for i, (cc, _, _) in enumerate(cases) if cc == c]
        p = sum(px[i] == cases[i][2] for i in idx)
        f = sum(ff[i] == cases[i][2] for i in idx)
        print(f"{c:<14} {p:>4}/{len(idx):<4} {f:>4}/{len(idx):<4}")
    n = len(cases)
    p = sum(px[i] == cases[i][2] for i in range(n))
    f = sum(ff[i] == cases[i][2] for i in range(n))
    print(f"{'all':<14} {p:>4}/{n:<4} {f:>4}/{n:<4}")
    pf = sum(px[n + i] != s for i, s in enumerate(correct))
    ffp = sum(ff[n + i] != s for i, s in enumerate(correct))
    print(f"{'false repairs':<14} {pf:>4}/{len(correct):<4} {ffp:>4}/{len(correct):<4}")


if __name__ == "__main__":
    main()
