# The smallest for loop. `iterp --desugar` prints what it becomes: iter() once, then
# next() in a while loop until StopIteration ends it.
xs = [1, 2, 3]
for x in xs:
    print(x)
