# A generator may suspend inside an except block: the exception being handled is put
# aside while it is suspended (the caller's own handled exception is unaffected) and
# restored when it resumes, so a bare `raise` there re-raises the right exception.
def handler_gen():
    try:
        raise KeyError("inner")
    except KeyError:
        yield "suspended in handler"
        raise


g = handler_gen()
print(next(g))
try:
    raise ValueError("outer")
except ValueError:
    try:
        next(g)
    except KeyError as e:
        print("re-raised:", repr(e))
    try:
        raise
    except ValueError as e:
        print("caller still handles:", repr(e))


def counter():
    n = 0
    while True:
        try:
            got = yield n
        except ZeroDivisionError:
            print("thrown in at the yield")
            got = 100
        n += got


c = counter()
print(next(c), c.send(5), c.throw(ZeroDivisionError), c.send(1))
