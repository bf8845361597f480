-- reading standard input: lines, numbers, counts
print(io.read())
print(io.read("n", "n"))
print(io.read("L"))
print(io.read(5))
for l in io.lines() do io.write("<", l, ">\n") end
print(io.read(), io.read("a"), io.read(0))
