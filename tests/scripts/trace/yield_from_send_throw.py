# yield from forwards send() and throw() to the generator it delegates to; the
# sub-generator's return value becomes the value of the yield from.
def inner():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError:
            return total
        total += x


def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "done"


g = outer()
next(g)
print(g.send(5))
print(g.send(7))
print(g.throw(ValueError))
