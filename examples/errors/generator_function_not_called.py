# next() on the generator *function* instead of a generator made by calling it.
def numbers():
    yield 1

print(next(numbers))
