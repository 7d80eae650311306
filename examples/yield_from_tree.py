# yield from delegates to a sub-generator: values flow straight through, and the
# sub-generator's return value becomes the value of the yield from expression.
def leaves(tree):
    if isinstance(tree, list):
        count = 0
        for branch in tree:
            count += yield from leaves(branch)
        return count
    yield tree
    return 1


def walk(tree):
    n = yield from leaves(tree)
    print("walked", n, "leaves")


print(list(walk([1, [2, [3, 4]], [], 5])))
