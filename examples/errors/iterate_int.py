# An int is not iterable: a for loop over a count wants range(n).
total = 0
for i in 5:
    total += i
