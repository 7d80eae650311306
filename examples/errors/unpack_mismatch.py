# Unpacking needs exactly as many values as targets.
point = (3, 4, 5)
x, y = point
