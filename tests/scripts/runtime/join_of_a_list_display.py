# sep.join([a, b, c]) joins the display's items without making the list: the items are
# still evaluated left to right, an item that raises stops the join, and a non-str item
# is the same TypeError as for a list held in a variable.
sep = "/"
words = ["x", "y"]
print(sep.join([words[0], words[1], str(len(words))]), "-".join([]), "".join(["only"]))
order = []
def item(text):
    order.append(text)
    return text
print(", ".join([item("a"), item("b"), item("c")]), order)
try:
    print(", ".join(["a", 1, "b"]))
except TypeError as e:
    print("TypeError:", e)
def boom():
    raise ValueError("from an item")
try:
    "+".join([item("before"), boom(), item("after")])
except ValueError as e:
    print("ValueError:", e, order)
print(sep.join([c for c in "abc"]), sep.join(("p", "q")), sep.join(words))
