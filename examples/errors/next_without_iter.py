# A class with __next__ but no __iter__ is not iterable: a for loop calls iter() first.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __next__(self):
        if self.current == 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


c = Countdown(3)
print(next(c))
for n in c:
    print(n)
