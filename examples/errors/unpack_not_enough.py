# Unpacking with more targets than values: the report says how many values there were.
pairs = [("a", 1), ("b",)]
for name, count in pairs:
    print(name, count)
