-- io.popen in "w" mode: the command gets everything written, when the pipe is closed
local name = os.tmpname()
local f = assert(io.popen("cat > " .. name, "w"))
print(io.type(f))
print(f:write("first line\n", 2, " ", 3.5, "\n") == f)
print(f:flush())
f:write("last")
print(f:close())
local r = io.open(name)
print(r:read("a"))
r:close()
os.remove(name)

-- the command's output shares our standard output; print flushes first
print("before the pipe")
f = io.popen("cat", "w")
f:write("through cat 1\n")
f:write("through cat 2\n")
print(f:close())
print("after the pipe")

-- statuses
print(io.popen("exit 7", "w"):close())
print(io.popen("cat > /dev/null; exit 0", "w"):write(string.rep("x", 100000)):close())
print(io.popen("kill -9 $$", "w"):close())

-- what a write pipe cannot do
f = io.popen("cat > /dev/null", "w")
print(f:read("l"))
print(f:read("a"))
print(f:seek())
print(f:lines()())
print(f:close())
print(pcall(f.write, f, "x"))

-- wc sees all the input
f = io.popen("wc -l", "w")
for i = 1, 1000 do f:write(i, "\n") end
f:close()
