# The trace shows values without addresses and without running user code: a generator
# inside a list reads <generator object gen>, and a class's __repr__ (which prints here)
# runs only when the program itself asks for it.
def gen():
    yield "a"


class Noisy:
    def __repr__(self):
        print("  (Noisy.__repr__ ran)")
        return "Noisy()"


things = [gen(), Noisy(), {"key": (1.5, None)}]
for thing in things:
    pass
print(repr(things[1]))
long = iter([list(range(40))])
print(len(next(long)))
