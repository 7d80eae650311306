# A generator resumes exactly where it stopped however deeply its yield is nested:
# here inside loops, ifs, a try and its finally, twelve levels down, each resumed
# many times (the resume path is longer than the part a frame keeps inline).
def deep(n):
    for a in range(n):
        if a % 2 == 0:
            for b in range(2):
                while True:
                    try:
                        if b == 0:
                            for c in range(2):
                                if c >= 0:
                                    yield ("try", a, b, c)
                        else:
                            yield ("else", a, b)
                    finally:
                        for d in range(2):
                            if d == 1:
                                yield ("finally", a, b, d)
                    break
        else:
            yield ("odd", a)


for step in deep(4):
    print(step)
print(sum(1 for _ in deep(50)))
