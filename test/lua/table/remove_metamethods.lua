-- table.remove through __index / __newindex / __len
local log = {}
local store = {'a', 'b', 'c', 'd'}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = 'get ' .. tostring(k); return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = 'set ' .. tostring(k) .. '=' .. tostring(v); store[k] = v end,
  __len = function() log[#log + 1] = 'len'; return #store end,
})
print(table.remove(proxy, 2))
print(table.concat(log, '; '))
log = {}
print(table.remove(proxy))
print(table.concat(log, '; '))
log = {}
print(table.remove(proxy, #store + 1))
print(table.concat(log, '; '))
print(store[1], store[2], store[3], #store)

-- __len says 0: removes t[0]
local zero = setmetatable({[0] = 'zero'}, {__len = function() return 0 end})
print(table.remove(zero), rawget(zero, 0))

-- __len that lies about the size
local liar = setmetatable({1, 2, 3, 4, 5}, {__len = function() return 2 end})
print(table.remove(liar), rawget(liar, 2), rawget(liar, 3))
print(pcall(function() return (table.remove(liar, 5)) end))
