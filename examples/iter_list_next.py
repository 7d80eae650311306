# iter() on a list gives a list_iterator; next() walks it one element at a time and
# raises StopIteration at the end. The list itself is iterable, not an iterator.
fruits = ["apple", "banana", "cherry"]
it = iter(fruits)
print(type(fruits).__name__, "->", type(it).__name__)
print(next(it))
print(next(it))
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print("an iterator is its own iterator:", iter(it) is it)
print("a list gives a fresh iterator each time:", iter(fruits) is not iter(fruits))
