# Unpacking, `in` and `*` in a call or a display iterate their operand: each step shows
# who took it.
def three():
    yield 1
    yield 2
    yield 3


a, *rest = three()
print(a, rest)
print(2 in three())
print(*three())
print([0, *three()])
