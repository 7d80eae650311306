# An iterator runs out: next() raises StopIteration; the report shows how to give a default.
letters = iter("ab")
print(next(letters))
print(next(letters))
print(next(letters))
