# What a for loop does, written out: iter() once, then next() until StopIteration.
data = [10, 20, 30]

for x in data:
    print("for got", x)

it = iter(data)
while True:
    try:
        x = next(it)
    except StopIteration:
        break
    print("while got", x)

# for/else: the else runs when the iterator is exhausted, not after break.
for x in data:
    if x > 100:
        break
else:
    print("no value above 100")
