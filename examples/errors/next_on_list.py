# next() needs an iterator; a list is only iterable. The report says how to get one.
xs = [1, 2]
print(next(xs))
