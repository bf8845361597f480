-- libs: bit
-- bit is a global and a loaded module; its keys
print(type(bit), package.loaded.bit == bit, require("bit") == bit)
local keys = {}
for k in pairs(bit) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
-- a classic use: a 32-bit hash
local function hash(s)
  local h = 0
  for i = 1, #s do h = bit.bxor(bit.lshift(h, 5) + bit.rshift(h, 2), s:byte(i)) end
  return bit.tohex(h)
end
print(hash("hello"), hash("The quick brown fox"))
