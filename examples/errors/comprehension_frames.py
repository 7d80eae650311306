# Frames inside comprehensions and generator expressions are named as CPython names them.
def inverse(x):
    return 1 / x

print([inverse(x) for x in [1, 2]])
print(sum(inverse(x) for x in [4, 0]))
