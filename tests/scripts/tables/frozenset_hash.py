# frozenset's hash is CPython's bit for bit, whatever order the elements arrived in.
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([3, 2, 1])))
print(hash(frozenset({-1, 5, 1 << 62})), hash(frozenset([(1, 2), 2.5])))
d = {frozenset([1, 2]): "a", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()])
print({frozenset([1]), frozenset([1]), frozenset([2])} == {frozenset([2]), frozenset([1])})
