-- unpacking many values (within lua5.4's stack limit)
local t = {}
for i = 1, 100000 do t[i] = i end
print(select('#', table.unpack(t)))
print(select('#', table.unpack(t, 1, 50000)))
local function count(...) return select('#', ...) end
print(count(table.unpack(t, 1, 20000)))
local packed = table.pack(table.unpack(t, 1, 30000))
print(packed.n, packed[30000])
local s = 0
for _, v in ipairs({table.unpack(t, 99001)}) do s = s + v end
print(s)
print(pcall(table.unpack, {}, 1, 1e7))
