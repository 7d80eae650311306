# A block with no indented body is an IndentationError naming the statement that opened it.
for i in range(3):
print(i)
