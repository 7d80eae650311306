# A misspelt name: CPython's "Did you mean" ends the last line, the help shows the fix.
def average(numbers):
    total = sum(numbers)
    return totl / len(numbers)

print(average([1, 2, 3]))
