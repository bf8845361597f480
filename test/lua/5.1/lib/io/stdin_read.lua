-- reading standard input with 5.1's formats
print(io.read("*l"))
print(io.read("*n", "*n"))
print(io.read("*l"))
for l in io.lines() do io.write("[", l, "]") end print()
print(io.read("*l"), io.read("*a"), io.read(0))
