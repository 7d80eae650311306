# A generator yielding 1, 2, 3, read one value at a time with next(): the body runs
# only when a value is asked for, and pauses at each yield.
def one_two_three():
    print("  (generator starts)")
    yield 1
    print("  (resumed after 1)")
    yield 2
    print("  (resumed after 2)")
    yield 3
    print("  (resumed after 3, about to finish)")


g = one_two_three()
print("created", type(g).__name__, "- nothing has run yet")
print("next ->", next(g))
print("next ->", next(g))
print("next ->", next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration: the generator is exhausted")
print("next with a default ->", next(g, "done"))
