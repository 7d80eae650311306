# float ** float is the C library's pow, bound on first use rather than linked: the
# last bit of every result, and the OverflowError, must be CPython's.
vals = [0.5, 1.5, 2.0, 3.7, 10.0, 62.12111996651636, 688.0, 1e-300, 1e300]
exps = [-3.0, -0.5, 0.3333333333333333, 2.5, 17.0, 68.51963516064474, 0.1]
acc = []
for x in vals:
    for y in exps:
        try:
            acc.append(repr(x ** y))
        except OverflowError as e:
            acc.append("OverflowError " + str(e))
print("\n".join(acc))
print((-8.0) ** 3.0, 2 ** 0.5, 10 ** -2, pow(2.5, 3.5), 7 ** 1000 % 97, len(str(3 ** 5000)))
