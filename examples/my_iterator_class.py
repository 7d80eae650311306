# A class becomes an iterator with __iter__ (return self) and __next__ (return the next
# value or raise StopIteration). for, list(), sum() and unpacking all use the protocol.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


for n in Countdown(3):
    print(n)
print(list(Countdown(4)))
print(sum(Countdown(10)))
a, b = Countdown(2)
print(a, b)
it = Countdown(1)
print(next(it), next(it, "exhausted"))
