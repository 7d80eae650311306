# `self.cur >= self.stop` and `self.cur += self.step` read plain int attributes where
# they sit, with no value made; anything else (a property, a class attribute, a float,
# an overflow past 64 bits, a missing attribute) takes the full attribute rules.
class Counter:
    def __init__(self, start, stop, step):
        self.cur = start
        self.stop = stop
        self.step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.step
        return v


print(list(Counter(0, 10, 3)), list(Counter(0.5, 2, 0.5)))
big = Counter(2**63 - 2, 2**63 + 2, 1)
print(list(big), type(big.cur).__name__)


class Shared:
    count = 10  # a class attribute: the first += makes an instance attribute

    def bump(self):
        self.count += 1
        return self.count > 11


s = Shared()
print(s.bump(), s.bump(), s.count, Shared.count)


class Watched:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        print("get v")
        return self._v

    @v.setter
    def v(self, value):
        print("set v", value)
        self._v = value

    def step(self):
        self.v += 2
        return self.v >= 3


w = Watched()
print(w.step())


class Lazy:
    def __getattr__(self, name):
        return 5

    def check(self):
        self.n += 1
        return self.n < self.limit


lz = Lazy()
print(lz.check(), lz.n)


class Missing:
    def go(self):
        return self.a < 1


try:
    Missing().go()
except AttributeError as e:
    print("AttributeError:", e)


class Mixed:
    def __init__(self):
        self.a, self.b = 3, "x"

    def cmp(self):
        return self.a < self.b


try:
    Mixed().cmp()
except TypeError as e:
    print("TypeError:", e)
