# Nested int arithmetic is folded in place when every operand is an int, and falls
# back to the full rules otherwise: overflow to big ints, negative % and //, floats,
# bools, other types' operators, and the errors CPython raises.
def trees(a, b, c):
    return [(a * b + c) % 10, a * a % 7, (a - b) // 3, (a + b) * c - 1, a & b | c ^ 5, (a >> 1) + b]


print(trees(7, 3, 2))
print(trees(-7, 3, 2))
print(trees(2 ** 40, 2 ** 40, 1))
print(trees(True, False, True))


def floats(a, b, c):
    return [(a * b + c) % 10, a * a % 7, (a - b) // 3, (a + b) * c - 1]


print(floats(2.5, 3, 1), floats(7, 3.0, 2))


def shared(n):
    k = 3
    return [(i * k + n) % 4 for i in range(6)]


print(shared(5))


def overflow(x):
    return x * x + x


print(overflow(2 ** 62), type(overflow(2 ** 62)).__name__)


def zero(a, b):
    return (a + 1) // (b - b)


try:
    zero(1, 2)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def strings(s, n):
    return s * n + s * (n - 1)


print(strings("ab", 2))


def unbound():
    x = y * 2 + 1
    y = 3
    return x


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
# `total += x + r` folds the right side in place when the total is an int; a float or
# big total, an overflow and an unbound total take the general rules.
def totals(xs):
    t, f, big = 0, 0.5, 2**64
    for x in xs:
        t += x * 3 - 1
        f += x % 4
        big -= x // 2
    t += 9223372036854775807
    return t, f, big
print(totals(range(10)))
def unbound_total():
    try:
        n += 1
    except UnboundLocalError as e:
        return str(e)
    n = 0
print(unbound_total())
