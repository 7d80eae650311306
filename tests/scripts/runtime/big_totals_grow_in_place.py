# A big-int running total (`total += x`, `sum()`) is grown in place when nothing else
# refers to it, so a step allocates nothing; any other holder still sees the old value,
# and a total that shrinks back into 64 bits is a small int again.
def running(n, step):
    total = 2**63 - 3
    seen = []
    for i in range(n):
        total += step
        if i % 2:
            seen.append(total)  # a second holder: the next += must copy
    return total, seen


print(running(6, 1))
print(running(4, 2**64))

before = 2**70
total = before
total += 1
print(before, total)
total -= 2**70 + 1
print(total, type(total).__name__)

xs = [2**62] * 8
print(sum(xs), xs[0])
print(sum(x * x for x in range(3_000_000, 3_000_010)))
print(sum([2**63, 1, -1, -(2**63)]), sum([2**64, -(2**64)], 5))
t = 2**65
t -= 2**64
t -= 2**64
print(t, t == 0, type(t).__name__, hash(t))
print(sum([1.5, 2**70]), sum([2**70, True]))
