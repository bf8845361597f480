-- io.tmpfile: an anonymous "w+" file
local f = assert(io.tmpfile())
print(io.type(f), tostring(f):match("^file %(0x%x+%)$") ~= nil)
print(f:write("alo", 1, "\n", 2.5) == f)
print(f:seek("cur"), f:seek("set"))
print(f:read("l"), f:read("n"))
print(f:read("a"), f:read(0))
print(f:seek("end"), f:seek("set", 1))
f:write("X")
f:seek("set")
print(f:read("a"))
print(f:close())
print(io.type(f), tostring(f))
print(pcall(f.write, f, "x"))
-- many at once
local t = {}
for i = 1, 50 do t[i] = io.tmpfile(); t[i]:write(i) end
local sum = 0
for i = 1, 50 do t[i]:seek("set"); sum = sum + t[i]:read("n"); t[i]:close() end
print(sum)
do
  local g <close> = io.tmpfile()
  g:write("scoped")
end
