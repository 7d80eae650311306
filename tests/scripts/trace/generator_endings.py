# Every way a generator ends: close() before it starts, throw() before it starts, a
# StopIteration escaping its body (PEP 479 makes it RuntimeError), and dropping a
# suspended generator, which closes it and runs its finally.
def body():
    try:
        yield 1
        yield 2
    finally:
        print("  finally ran")


g = body()
g.close()
g = body()
try:
    g.throw(KeyError("early"))
except KeyError as e:
    print("throw before start:", repr(e))


def leaky():
    yield next(iter([]))


try:
    next(leaky())
except RuntimeError as e:
    print("RuntimeError:", e)

g = body()
next(g)
g = None
print("after the drop")
