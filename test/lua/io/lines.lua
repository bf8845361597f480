-- io.lines and file:lines, with formats
local name = os.tmpname()
local f = assert(io.open(name, "w"))
for i = 1, 5 do f:write("row ", i, "\n") end
f:write("1 2 3\n")
f:close()
for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write(l) end
for a, b in io.lines(name, 4, 1) do io.write(a, "|", tostring(b), ";") end
print()
local f2 = io.open(name)
for w in f2:lines("l") do if w == "row 3" then break end end
print(f2:read("l"))
for l in f2:lines() do print(l) end
print(io.type(f2))
f2:close()
local it = io.lines(name)
print(it(), it())
print(select("#", io.lines(name)))
print(pcall(io.lines, "/nonexistent/file"))
local f3 = io.open(name)
local iter = f3:lines()
f3:close()
print(pcall(iter))
print(pcall(io.lines(name, "x")))
os.remove(name)
