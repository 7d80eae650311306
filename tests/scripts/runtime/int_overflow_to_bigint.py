# Ints never wrap: past 64 bits they become big integers, and come back when small.
x = 2 ** 63 - 1
print(x, x + 1, -x - 2, type(x + 1).__name__)
print((x + 1) - 1 == x, (x + 1) // 2, hash(x + 1) == hash(float(x + 1)))
print(10 ** 30 % 97, -(10 ** 20) // 3, divmod(-7, 2), 7 // -2)
print(1 << 100, (1 << 100) >> 99, 255 & -(1 << 70))
