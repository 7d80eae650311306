# send() resumes a generator and becomes the value of its yield expression; close()
# raises GeneratorExit at the paused yield so finally blocks run.
def running_average():
    total = 0.0
    count = 0
    average = None
    try:
        while True:
            value = yield average
            total += value
            count += 1
            average = total / count
    finally:
        print("closing: saw", count, "values")


avg = running_average()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(60))
avg.close()
print("closed; next ->", next(avg, "nothing"))
