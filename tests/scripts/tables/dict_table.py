# A dict keeps insertion order through deletes, re-inserts, growth and popitem, and
# treats 1, 1.0 and True as one key whose first spelling stays.
d = {}
for i in range(1000):
    d[i] = i * 2
for i in range(0, 1000, 2):
    del d[i]
print(len(d), sum(d.values()), list(d)[:5], d.get(3), d.get(4))
d[1.0] = "x"
d[True] = "y"
print(d[1], list(d.items())[:2])
print(d.popitem(), d.popitem(), len(d))
d[0] = "back"
print(list(d)[-1], 0 in d, 998 in d)
e = {"a": 1, "b": 2}
e2 = e.copy()
e2["c"] = 3
print(e, e2, "a" in e, "z" in e)


class Key:
    """Every Key collides; __eq__ decides."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 1

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


f = {Key(1): 1, Key(2): 2}
print(f[Key(2)], Key(3) in f, len(f))
for k in list(e):
    del e[k]
print(e, len(e))
words = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    words[w] = words.get(w, 0) + 1
print(words)
