-- the __gc metamethod closes a file: buffered data is written, a "w" pipe runs
local mt = getmetatable(io.stdout)
local name = os.tmpname()
local f = io.open(name, "w")
f:write("buffered data")
print(mt.__gc(f))
print(io.type(f), tostring(f))
local r = io.open(name)
print(r:read("a"))
r:close()
print(mt.__gc(f))                    -- already closed: nothing happens
print(select("#", mt.__gc(f)))

local p = io.popen("cat", "w")
p:write("the pipe ran at __gc\n")
mt.__gc(p)
print(io.type(p))

p = io.popen("echo never read")
mt.__gc(p)
print(io.type(p))

-- the standard files stay open
mt.__gc(io.stdout)
mt.__gc(io.stderr)
mt.__gc(io.stdin)
print(io.type(io.stdout), io.type(io.stderr), io.type(io.stdin))
print(pcall(mt.__gc, 42))
print(pcall(mt.__close, {}))
do
  local g <close> = io.open(name, "a")
  g:write(", appended")
end
r = io.open(name)
print(r:read("a"))
r:close()
os.remove(name)
print(pcall(mt.__tostring, 42))
print(pcall(mt.__tostring))
print(mt.__tostring(f))
