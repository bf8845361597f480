-- io.popen in "r" mode: reading formats, lines, close statuses
local f = assert(io.popen("printf 'one\\ntwo\\n3.5 0x10 rest\\nlast'"))
print(io.type(f), tostring(f):match("^file %(0x%x+%)$") ~= nil)
print(f:read("l"))
print(f:read("L"))
print(f:read("n", "n"))
print(f:read(2), f:read(0))
print(f:read("a"))
print(f:read("l"), f:read(0), f:read("a"))
print(f:close())
print(io.type(f), tostring(f))
print(pcall(f.read, f))

-- the default mode is "r"
f = io.popen("echo hello")
for l in f:lines() do print("line", l) end
print(f:close())

-- lines with formats
f = io.popen("printf '1 2 3\\n4 5'")
for a, b in f:lines("n", "n") do print(a, b) end
print(f:close())

-- close reports how the command ended
print(io.popen("exit 3"):close())
print(io.popen("exit 129"):close())
print(io.popen("kill -9 $$"):close())
print(io.popen("kill -s HUP $$"):close())
print(io.popen("true"):close())

-- what a read pipe cannot do
f = io.popen("echo x")
print(f:write("y"))
print(f:seek("set", 0))
print(f:setvbuf("no"))
print(f:read("a"))
print(f:close())

-- an empty output
f = io.popen("true")
print(f:read("a"), f:read("l"), f:read("n"))
print(f:close())

-- binary-safe output
f = io.popen("printf '\\000\\377\\001'")
local s = f:read("a")
print(#s, s:byte(1, -1))
f:close()

-- garbage and to-be-closed pipes
do
  local p <close> = io.popen("echo closed by scope")
  print(p:read("l"))
end
