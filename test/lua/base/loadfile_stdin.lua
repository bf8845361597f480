local f = loadfile()
print(type(f))
print(f())
