# A set iterates in its table's slot order, which CPython's probing and resizing decide:
# small ints sit at their own slot, colliding ones probe onwards, and growing re-inserts.
s = set()
for i in [17, 1, 33, 49, 65, 2, 1000, 12345678901, -5]:
    s.add(i)
print(s, len(s))
s.discard(33)
s.add(81)
print(s)
print(s.pop(), s.pop(), s)
a = set(range(0, 100, 7))
b = set(range(0, 100, 5))
print(a | b)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(set({x * 37: 1 for x in range(12)}))
print(set([x * 37 for x in range(12)]))
print({x * 1000003 for x in range(20)})
print({1, 17, 33, 25, 9}, {1, 17, 33, 25, 9} | {41})
print(set([1, 9, 17, 25]).union([33, 41]), {1, 2}.intersection([2, 3], (2, 4)))
print({-1, -2, 3}, {1, (1, -1), 2.5, -2, -1})
f = set(range(20))
for i in range(0, 20, 3):
    f.remove(i)
print(f, [f.pop() for _ in range(3)], f)
c = set(a)
c -= {0, 7}
c |= {1000, 2000}
c &= set(range(50)) | {1000}
print(c)
d = {1, 2, 3}
d ^= {3, 4}
d.symmetric_difference_update([9, 1])
print(d, d <= {2, 4, 5, 9}, d < d, d == {4, 2, 9})
print(set((1 << 61) + i for i in range(12)))
