# `x is None` and `node.left is not None` check a bound local or a plain attribute where
# it sits; a property, `__getattr__`, an unbound name or a missing attribute takes the
# full rules, with CPython's errors.
class Node:
    def __init__(self, left=None, right=None):
        self.left, self.right = left, right


def depth(node):
    d = 1
    if node.left is not None:
        d = max(d, 1 + depth(node.left))
    if node.right is not None:
        d = max(d, 1 + depth(node.right))
    return d


tree = Node(Node(Node()), Node())
print(depth(tree), tree.left.right is None, tree.right is not None)


class Lazy:
    def __getattr__(self, name):
        print("getattr", name)
        return None

    @property
    def p(self):
        print("property p")
        return 0

    def check(self):
        return self.q is None, self.p is None, self.p is not None


print(Lazy().check())


def unbound():
    try:
        if x is None:
            return "none"
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
    x = None


print(unbound())
try:
    print(tree.missing is None)
except AttributeError as e:
    print("AttributeError:", e)
y = 0
print(y is None, y is not None, None is None, tree is tree)
