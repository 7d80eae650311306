# A call whose arguments do not fit the function: the report shows its definition.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
q = Point(3)
