# An error raised inside a generator expression's condition after a few resumes is
# reported on the condition's line, under the genexpr frame, as CPython reports it.
def ratios(values):
    return sum(
        100 // v
        for v in values
        if 100 % v
    )


print(ratios([3, 7, 9]))
print(ratios([3, 7, 0, 9]))
