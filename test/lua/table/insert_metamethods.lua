-- table.insert uses __index / __newindex / __len (lua_geti / lua_seti / luaL_len)
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = 'get ' .. tostring(k); return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = 'set ' .. tostring(k) .. '=' .. tostring(v); store[k] = v end,
  __len = function() log[#log + 1] = 'len'; return #store end,
})
table.insert(proxy, 'a')
table.insert(proxy, 'b')
table.insert(proxy, 1, 'c')
table.insert(proxy, 2, 'd')
print(table.concat(log, '; '))
print(store[1], store[2], store[3], store[4], #store)

-- __len returning a float with an integral value, or a numeric string
local t1 = setmetatable({}, {__len = function() return 2.0 end})
table.insert(t1, 'x')
print(rawget(t1, 3))
local t2 = setmetatable({}, {__len = function() return '4' end})
table.insert(t2, 'y')
print(rawget(t2, 5))
print(pcall(function() table.insert(setmetatable({}, {__len = function() return 2.5 end}), 'z') end))
print(pcall(function() table.insert(setmetatable({}, {__len = function() return 'x' end}), 'z') end))
print(pcall(function() table.insert(setmetatable({}, {__len = function() return nil end}), 'z') end))

-- a table with a metatable without the metamethods behaves like a plain one
local plain = setmetatable({1, 2}, {__tostring = function() return 'P' end})
table.insert(plain, 2, 'mid')
print(plain[1], plain[2], plain[3], #plain)

-- __newindex only fires for absent keys; __index is consulted for holes
local seen = {}
local t3 = setmetatable({10, 20, 30}, {__newindex = function(t, k, v) seen[#seen + 1] = k; rawset(t, k, v) end})
table.insert(t3, 1, 5)
print(table.concat(seen, ','), t3[1], t3[2], t3[3], t3[4])

-- huge __len: position wraps around like lua5.4 (luaL_intop)
local big = setmetatable({}, {__len = function() return math.maxinteger end})
table.insert(big, 'wrapped')
print(rawget(big, math.mininteger))
