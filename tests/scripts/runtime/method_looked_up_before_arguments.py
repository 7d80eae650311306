# `obj.name(args)` looks `name` up before evaluating the arguments (CPython's
# LOAD_METHOD): a missing method raises before any argument runs, and an argument that
# replaces the method does not change which one is called.
class A:
    def m(self, x):
        return "old m got " + str(x)


def replace_m():
    A.m = lambda self, x: "new m got " + str(x)
    return 1


a = A()
try:
    a.missing(print("never printed"))
except AttributeError as e:
    print(e)
try:
    [].nope(print("never printed"))
except AttributeError as e:
    print(e)
print(a.m(replace_m()))
print(a.m(2))
# The same holds for a callable stored on the instance, and for a built-in method.
a.m = lambda x: "instance callable got " + str(x)
print(a.m(3))
xs = []
xs.append(len(xs))
print(xs)
