# f-string fields written straight into the result (ints, strs) must still match format(): conversions, specs, __format__, errors.
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
    def __str__(self):
        return "strF"
    def __repr__(self):
        return "reprF"
class S:
    def __format__(self, spec): return "sub"
    def __str__(self): return "sub"
    def __repr__(self): return "'sub'"
w = 6
for v in [0, -7, 12345, -9223372036854775808, 2**70, -2**70, True, None, 1.5, "héllo", S(), F(), [1, "a"], (1,)]:
    print(f"[{v}]", f"{v!r}", f"{v!s}", f"{v!a}", f"<{v!s:>{w}}>", f"{v}{v}")
    try:
        print(f"{v:>{w}}|")
    except Exception as e:
        print(type(e).__name__, e)
print(f"{'x'}{1}{'é'}{2.0!r:^8}")
try:
    f"{1:z}"
except Exception as e:
    print(type(e).__name__, e)
try:
    f"{F()!r:q}"
except Exception as e:
    print(type(e).__name__, e)
print(f"{3:{''}}", f"{'ab':{''}}", len(f"{-1}{-10}"))
# Int fields folded in place (`{i * 7 % 13}`) and literal text borrowed from the code:
# overflow, bools and unbound names still take the general path.
i, big, flag = 9223372036854775807, 2**64, True
print(f"a{i}b{i + 1}c{-i - 2}d{i * 7 % 13}e{big % 7}f{flag}{flag + 1}{i // -2}")
def unbound():
    try:
        return f"<{later}>"
    except NameError as e:
        return f"{type(e).__name__}: {e}"
    later = 1
print(unbound(), f"{'é' * 2}{len('日本')}{'':>3}|")
