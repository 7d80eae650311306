# The first send() must be None (or next()): the generator has not reached a yield yet.
def echo():
    while True:
        received = yield
        print("got", received)

e = echo()
e.send("hello")
