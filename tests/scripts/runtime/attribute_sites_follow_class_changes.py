# Every `obj.name` remembers what its class look-up found last time; a class changed
# (or a different class seen) afterwards must be noticed at once, as CPython does.
class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return "method"


def read(o):
    return o.v


def store(o, x):
    o.v = x


def bump(o):
    o.v += 1
    return o.v


def call(o):
    return o.get()


b = Box(1)
print(read(b), bump(b), call(b))
# A property added to the class now shadows the instance attribute, for reads and stores.
Box.v = property(lambda self: "from property", lambda self, x: print("setter got", x))
print(read(b))
store(b, 5)
del Box.v
print(read(b), bump(b))


# The same site sees another class with the same attribute name.
class Other:
    v = "class attribute"

    def get(self):
        return "other method"


o = Other()
print(read(o), call(o))
o.v = "instance attribute"
print(read(o))
# A method replaced on the class, and one put on the instance, are both seen.
Box.get = lambda self: "replaced"
print(call(b))
b.get = lambda: "instance callable"
print(call(b))


# A subclass gains a property after its base's attribute was read through it.
class Base:
    pass


class Derived(Base):
    pass


d = Derived()
d.v = 10
print(read(d))
Base.v = property(lambda self: "base property")
print(read(d))
try:
    store(d, 3)
except AttributeError as e:
    print("AttributeError:", e)


# Exceptions keep their special fields even through a remembering site.
def set_args(e, x):
    e.args = x


err = ValueError("a")
set_args(err, [1, 2])
print(err.args)
for i in range(3):
    c = type("C%d" % i, (), {"v": i})
    print(read(c()))


# A property knows its name only when defined in a class body (`__set_name__`).
class P:
    @property
    def named(self):
        return 1


P.unnamed = property(lambda self: 2)
p = P()
for attempt in range(4):
    try:
        if attempt == 0:
            p.named = 0
        elif attempt == 1:
            p.unnamed = 0
        elif attempt == 2:
            del p.named
        else:
            del p.unnamed
    except AttributeError as e:
        print(attempt, "->", e)
