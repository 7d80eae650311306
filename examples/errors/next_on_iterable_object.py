# next() on an object whose class has __iter__ but no __next__: it is iterable, not an iterator.
class Shelf:
    def __init__(self, books):
        self.books = books

    def __iter__(self):
        return iter(self.books)


shelf = Shelf(["Dune", "Emma"])
for book in shelf:
    print(book)
print(next(shelf))
