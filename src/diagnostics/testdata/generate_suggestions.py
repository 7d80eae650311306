"""Writes suggestions.tsv: misspelt names and what CPython 3.11 suggests for each among
the names of the builtins module (empty when it suggests nothing). The unit tests of
`suggest.rs` check iterp's choice against every line.

Run with python3 3.11 from this folder: `python3 generate_suggestions.py > suggestions.tsv`.
"""
import builtins
import io
import random
import sys

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"

rng = random.Random(3_11)
words = sorted(dir(builtins))


def mutations(w):
    out = set()
    for i in range(len(w)):
        out.add(w[:i] + w[i + 1:])
        out.add(w[:i] + w[i] + w[i:])
        out.add(w[:i] + rng.choice("abcdexyz_0") + w[i + 1:])
        if i + 1 < len(w):
            out.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])
    out.add(w.upper())
    out.add(w.capitalize())
    out.add(w + "s")
    out.add("my_" + w)
    return sorted(n for n in out if n.isidentifier())


names = set()
for w in rng.sample(words, 60):
    names.update(rng.sample(mutations(w), min(6, len(mutations(w)))))
for _ in range(60):
    n = rng.randint(1, 12)
    names.add("".join(rng.choice("abcdefghijklmnopqrstuvwxyz_") for _ in range(n)))
names.add("x" * 45)
names.add("prin" + "t" * 41)


def cpython_suggestion(name):
    try:
        getattr(builtins, name)
    except AttributeError:
        e = sys.exc_info()
    else:
        return None
    err = io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        sys.__excepthook__(*e)
    finally:
        sys.stderr = saved
    last = err.getvalue().rstrip("\n").splitlines()[-1]
    marker = ". Did you mean: '"
    return last[last.index(marker) + len(marker):-2] if marker in last else ""


for name in sorted(names):
    s = cpython_suggestion(name)
    if s is not None:
        print(f"{name}\t{s}")
