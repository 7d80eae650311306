# A misspelt method: the suggestion comes from dir(obj), exactly as CPython chooses it.
queue = [1, 2]
queue.apend(3)
