# A suspended generator that loses its last reference is closed: GeneratorExit is raised
# at its paused yield, so its finally blocks run (in the order the generators were
# dropped). One with no try block has nothing to run and is simply released.
def guarded(name):
    try:
        yield name + " started"
        yield name + " again"
    finally:
        print("finally of", name)


def plain(k):
    a = k * 2
    yield a
    yield a + 1


gens = [guarded("g%d" % i) for i in range(3)]
for g in gens:
    print(next(g))
print("dropping the list")
gens = None
print("after the drop")

plains = [plain(i) for i in range(1000)]
print(sum(next(p) for p in plains))
plains = None
print("plain generators released")


def with_return():
    try:
        yield 1
        return "done"
    finally:
        print("finally before the return value")


g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
