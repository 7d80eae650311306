# One-character pieces cut from a string (an item, a slice, a split part, a step of a
# for loop over it) are shared objects below U+0100, as in CPython; str(7) is not.
# Growing a shared piece with += makes a new string and leaves the piece alone.
text = "ab:c:é:ŝ"
first, second = text[0], text[0]
print(first is second, text[1:2] is text[1], text.split(":")[1] is text[3])
print([a is b for a, b in zip(text, text)])
print(str(7) is str(7), text[-1] is text[-1])
piece = text[0]
piece += "!"
print(piece, text[0], text)
words = "x y x".split()
print(words[0] is words[2], words, len(words[0]))
