# str.split on one-byte and longer separators, str.join on lists, tuples and other iterables: results and CPython's errors.
def gen():
    yield "a"
    yield "b"
for it in [["a", "b", "c"], ("x", "é"), [], (), ["only"], gen(), {"k": 1, "j": 2}, "abc", iter(["p", "q"])]:
    print(repr("-".join(it)), repr("".join(it) if not hasattr(it, "__next__") else ""))
for bad in [["a", 1], ("a", None, "b"), [["a"]], 5, None]:
    try:
        print(",".join(bad))
    except TypeError as e:
        print("TypeError", e)
try:
    str.join(1, ["a"])
except TypeError as e:
    print("TypeError", e)
try:
    ",".join()
except TypeError as e:
    print("TypeError", e)
try:
    ",".join(["a"], ["b"])
except TypeError as e:
    print("TypeError", e)
for s, sep in [("a:b:c", ":"), (":a::", ":"), ("", ":"), ("é:ß", ":"), ("a::b", "::"), ("a b", None)]:
    print(s.split(sep), s.split(sep, 1), s.split(sep, 0), s.rsplit(sep, 1))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
print(str(0), str(-12), str(2**64), str(True), str(1.0), repr(-5), [1, -2, 30])
class BadIter:
    def __iter__(self):
        raise TypeError("mine")
class BadNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise TypeError("from next")
for obj in [BadIter(), BadNext()]:
    try:
        "".join(obj)
    except TypeError as e:
        print("TypeError", e)
