# A missing colon after a for header is a SyntaxError pointing at the line.
for i in range(3)
    print(i)
