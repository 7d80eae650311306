# Unbounded recursion: repeated frames are counted, as CPython does, and the help names the cause.
def countdown(n):
    print(n) if n % 250 == 0 else None
    return countdown(n - 1)

countdown(1000)
