-- The file handle metamethods check their argument like the methods do
local mt = getmetatable(io.stdin)
print(pcall(mt.__gc))
print(pcall(mt.__close, {}))
print(pcall(mt.__tostring))
print(pcall(mt.__tostring, 42))
print(pcall(mt.__gc, setmetatable({}, {__name = "Thing"})))
print(mt.__tostring(io.stdout):match("^file %(0x%x+%)$") ~= nil)
print(select('#', mt.__gc(io.stdout)), io.type(io.stdout))
