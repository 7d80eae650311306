# A generator suspended in a `yield from` whose sub-iterator yields again suspends
# again without re-entering its blocks; every other outcome (the sub-iterator
# returning, raising, being thrown into or closed) must still behave as CPython's.


def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return "inner result %d" % n


def outer(n):
    if n > 0:
        r = yield from inner(n)
        print("outer got", r)
    while n:
        r = yield from inner(1)
        n -= 1
        print("again", r)
    return "outer done"


g = outer(2)
print(list(g))

# send() passes through to the innermost generator.
g = outer(3)
print(next(g), g.send("a"), g.send(None), g.send("b"))
print(list(g))

# throw() and close() reach the sub-generator.
def catching():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("caught in sub:", e)
        yield "after catch"
        return "sub returned"
    finally:
        print("sub finally")


def delegating():
    r = yield from catching()
    print("delegator got", r)
    yield "delegator continues"


g = delegating()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "end"))
g = delegating()
print(next(g), next(g))
g.close()
print(next(g, "closed"))

# A sub-iterator raising, and one that is not a generator.
def failing():
    yield 1
    raise ValueError("sub failed")


def over_failing():
    yield from failing()
    yield "never"


g = over_failing()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
print(next(g, "finished"))


def over_list():
    if True:
        x = yield from [1, 2, 3]
    yield x


print(list(over_list()))

# Deep delegation and a StopIteration value carried up the chain.
def depth(n):
    if n == 0:
        yield "leaf"
        return 0
    got = yield from depth(n - 1)
    return got + 1


g = depth(40)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)


# Re-entering a delegating generator while it runs.
def reenter():
    yield from (me.send(None) for _ in range(1))


me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# A delegator suspended inside an except block takes the general path: what the
# sub-generator raises there has the handled exception as its context.
def in_handler():
    try:
        raise KeyError("outer")
    except KeyError:
        yield from failing()


g = in_handler()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))
