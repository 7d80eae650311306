# PEP 479: a StopIteration escaping a generator body becomes RuntimeError.
def first_items(iterables):
    for it in iterables:
        yield next(iter(it))

print(list(first_items([[1], [], [3]])))
