# `xs[i]` and `m[i][j]` over lists with int indexes read the item where it sits, from a
# local, a closure cell or an outer item; anything else (a negative or out-of-range
# index, a tuple or dict on the way, an object with its own __getitem__) takes
# the full subscript rules, with CPython's errors.
def transpose(m):
    n = len(m)
    return [[m[i][j] for i in range(n)] for j in range(len(m[0]))]


m = [[1, 2, 3], [4, 5, 6]]
print(transpose(m), m[-1][-1], m[0][-3])


def cells():
    grid = [[0] * 3 for _ in range(3)]

    def bump(i, j):
        grid[i][j] += 1
        return grid[i][j] + grid[-i - 1][j]

    print(bump(0, 1), bump(2, 1), grid)


cells()

mixed = [(1, 2), {"k": 3}, [4, [5, 6]]]
print(mixed[0][1], mixed[1]["k"], mixed[2][1][0], mixed[2][1][-1])


class Shifted:
    def __getitem__(self, i):
        return i + 1


rows = [Shifted()]
print(rows[0][0], [rows[0][k] for k in range(2)])

for bad in (lambda: m[2][0], lambda: m[0][3], lambda: m[0][-4], lambda: mixed[0][5]):
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
try:
    print(m[0]["x"])
except TypeError as e:
    print("TypeError:", e)
big = 2**70
try:
    print(m[big])
except IndexError as e:
    print("IndexError:", e)
