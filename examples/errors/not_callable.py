# Calling a value that is not a function: here a variable named sum hides the built-in sum().
sum = 0
for price in [3, 4]:
    sum = sum + price
print(sum)
print(sum([1, 2]))
