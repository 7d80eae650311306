# throw() raises an exception at the paused yield: the generator may catch it and go on
# yielding, or let it propagate out of throw() to the caller.
def worker():
    while True:
        try:
            job = yield "ready"
            print("  working on", job)
        except ValueError as e:
            print("  caught inside the generator:", e)
            yield "recovered"


w = worker()
print(next(w))
print(w.send("job 1"))
print(w.throw(ValueError("bad input")))
print(next(w))
try:
    w.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated to the caller:", repr(e))
print("after an uncaught throw the generator is finished:", next(w, "exhausted"))


def finisher():
    try:
        yield 1
    finally:
        print("  finally runs when the generator is closed")


f = finisher()
print(next(f))
f.close()
print("closed twice is fine:", f.close())
