# `total += v % 13` and `self.cur += self.step` on ints change the int where it sits
# (no new value stored over the old); a right side that reads the target, an overflow
# past 64 bits, an exception instance or a non-int attribute take the full rules.
total = 5
total += total
total += total * 3
print(total)
n = 2**62
n += n
print(n, type(n).__name__)
n -= 2**63
print(n)


class Acc:
    def __init__(self):
        self.v = 1
        self.f = 1.5

    def run(self):
        self.v += self.v
        self.v *= 3
        self.f += self.v
        return self.v, self.f


a = Acc()
print(a.run(), a.run())
a.v = 2**62
a.v += a.v
print(a.v)


class Counted(Exception):
    def __init__(self):
        super().__init__("counted")
        self.count = 0


e = Counted()
e.count += 4
e.count += e.count
print(e.count, e.args)


class Slots:
    __slots__ = ("k",)

    def __init__(self):
        self.k = 7


s = Slots()
s.k += 1
print(s.k)
