-- to-be-closed files and generic for closing io.lines files
local name = os.tmpname()
do
  local f <close> = assert(io.open(name, "w"))
  f:write("data\n")
  _G.saved = f
end
print(io.type(saved))
for l in io.lines(name) do print(l) end
local f = io.open(name)
local mt = getmetatable(f)
print(type(mt.__gc), type(mt.__close), type(mt.__index), mt.__name)
print(mt.__index.read == f.read, type(mt.__index.seek))
mt.__close(f)
print(io.type(f))
print(f.seek == nil)
local n = 0
for k in pairs(mt.__index) do n = n + 1 end
print(n)
os.remove(name)
