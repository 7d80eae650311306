# 1, 1.0 and True are one dict key (equal values hash alike); insertion order is kept.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d["b"] = 2
d["a"] = 3
del d[1]
d[1] = "again"
print(list(d), list(d.values()))
print({(1, 2): "t", (1.0, 2.0): "u"})
