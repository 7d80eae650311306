# A str is one object holding its text: `str(s)` returns the same object, `s += t`
# grows a string no one else holds in place, and a string someone else holds is copied
# first, so the other holder keeps the old text. Lengths count code points, and stay
# right when a string built piece by piece is measured later.
s = "abc"
print(str(s) is s, str(s) == s)

kept = []
t = ""
for i in range(6):
    t += "é" if i % 2 else "x"
    if i == 2:
        kept.append(t)  # a second holder: the next += must copy
    print(len(t), t)
print(kept, len(kept[0]))

u = "naïve"
v = u
u += "!"
print(u, v, len(u), len(v), u[2], v[-1])

joined = "·".join(["α", "b", "γ"])
print(joined, len(joined), joined[1], joined.split("·"))
built = f"{joined}-{len(joined)}-{'日本'}"
print(built, len(built), built[-2:], [c for c in built[:3]])
print(len("a" + "é" * 3), ("x" * 4 + "ü")[-1], "".join([]) == "", str(12345)[::-1])
d = {}
key = "k"
for part in ["1", "2"]:
    key += part
    d[key] = len(key)
print(d, "k12" in d, hash("k12") == hash(key))
