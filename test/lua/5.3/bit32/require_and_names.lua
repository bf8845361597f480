print(require("bit32") == bit32, package.loaded.bit32 == bit32)
local names = {}
for k, v in pairs(bit32) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(pcall(bit32.band, {}))
print(select(2, pcall(function() return bit32.extract(1, -1) end)))
