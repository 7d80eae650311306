# Generators whose only yield sits in a simple loop (generator expressions,
# `for x in it: if c: yield f(x)`, `while test: yield ...`) resume straight into
# that loop; they must behave exactly like any other generator.


def keep(it):
    for x in it:
        if x % 3 != 0:
            yield x
    print("keep done")


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "counted %d" % i


def averager():
    total = 0.0
    n = 0
    avg = None
    while True:
        value = yield avg
        total += value
        n += 1
        avg = total / n


def nested_ifs(it):
    for x in it:
        y = x * 2
        if x % 2:
            z = y + 1
            if z % 3:
                yield (x, y, z)
            w = z
        v = y
    else:
        print("for-else ran", v, w)
    return v


# Plain iteration, the loop's else and the code after the loop.
print(list(keep(range(10))))
print(list(nested_ifs(range(8))))
print(sum(x * x for x in range(100) if x % 3))
print(list(x for x in []))

# The return value reaches StopIteration.value, then the generator stays finished.
g = count(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value))
try:
    next(g)
except StopIteration as e:
    print("stop again", repr(e.value))
print(list(g))

# send() into a yield with and without a target.
a = averager()
print(next(a), a.send(10), a.send(20), a.send(0))
g = count(5)
print(next(g), g.send("ignored"), g.send(None))

# throw() and close() on a suspended loop generator.
g = count(10)
next(g)
next(g)
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("thrown back:", e)
print(list(g))
g = keep(range(100))
print(next(g), next(g))
g.close()
print(list(g))
g = (x for x in range(5))
print(next(g))
g.close()
print(next(g, "closed"))

# An exception raised in the condition, the yielded value and the loop test.
def bad_if(it):
    for x in it:
        if 10 // x:
            yield x


def bad_while(items):
    i = 0
    while items[i] < 100:
        yield items[i]
        i += 1


for gen in (
    (10 // x for x in [5, 2, 0, 1]),
    (x for x in [5, 2, 0, 1] if 10 // x),
    bad_if([5, 2, 0, 1]),
    bad_while([1, 2, 3]),
):
    got = []
    try:
        for v in gen:
            got.append(v)
    except (ZeroDivisionError, IndexError) as e:
        print(type(e).__name__, e, got)
    print("after error:", next(gen, "finished"))

# The iterator raising; a StopIteration raised in the body (PEP 479).
def boom():
    yield 1
    raise KeyError("from iterator")


try:
    print(list(x for x in boom()))
except KeyError as e:
    print("KeyError", e)


def stop_inside(it):
    for x in it:
        if next(iter([])):
            yield x


try:
    list(stop_inside([1]))
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# Nested generator expressions, and one consumed while it is running.
print(sum(sum(y for y in range(x)) for x in range(6)))
print(list((x, y) for x in range(3) for y in range(x) if (x + y) % 2))
g = (x for x in range(3))
print([(a, list(g)) for a in g])


def reentrant():
    for x in range(3):
        yield g2.gi_running


g2 = reentrant()
print(list(g2), g2.gi_running)


def self_next():
    for x in range(3):
        yield next(me)


me = self_next()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# A generator dropped half-way while another one is being iterated.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally of a dropped generator")


def dropper(it):
    for x in it:
        if x == 1:
            holder.pop()
        yield x


holder = [with_finally()]
next(holder[0])
print(list(dropper(range(3))))

# Deep recursion through resumed loop generators.
def chain(n):
    inner = chain(n - 1) if n else iter([0])
    for x in inner:
        yield x + 1


try:
    print(next(chain(50)))
    print(next(chain(2000)))
except RecursionError as e:
    print("RecursionError:", e)
print(type(x for x in []).__name__, repr(count(1))[:25])
