# A keyword argument the function has no parameter for: the label is under that keyword.
def greet(name, greeting="hello"):
    return f"{greeting}, {name}"

print(greet("Ada"))
print(greet("Ada", greting="hi"))
