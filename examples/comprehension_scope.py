# A comprehension is a function of its own: the loop variable does not leak, and only
# the first iterable is evaluated in the enclosing scope, once.
x = "outer"
squares = [x * x for x in range(5)]
print(squares, x)


def numbers():
    print("  evaluating the iterable")
    return range(3)


pairs = [(a, b) for a in numbers() for b in "xy" if a != 1]
print(pairs)
gen = (n * 10 for n in numbers())
print("generator expression created")
print(list(gen))
