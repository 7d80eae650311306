# Built-ins drive the protocol too: list(), sum(), sorted() and str.join call iter() and
# next() like a for loop does, and map/zip/enumerate call next() on what they wrap.
def numbers(n):
    for i in range(n):
        yield i


print(sum(numbers(3)))
print(sorted(numbers(2), reverse=True))
print("-".join(map(str, numbers(2))))
for i, pair in enumerate(zip("ab", numbers(5))):
    print(i, pair)
