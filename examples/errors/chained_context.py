# An error inside an except block: both are reported, joined by CPython's "During handling" line.
def load(settings, key):
    try:
        return settings[key]
    except KeyError:
        return settings["defaults"][key]

print(load({"port": 80}, "port"))
print(load({"port": 80}, "host"))
