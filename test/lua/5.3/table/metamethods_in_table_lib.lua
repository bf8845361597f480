local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log+1] = "get" .. k; return rawget(_, "_" .. k) end,
  __newindex = function(t, k, v) log[#log+1] = "set" .. k; rawset(t, "_" .. k, v) end,
  __len = function() return 2 end,
})
table.insert(proxy, "a")
print(table.concat(log, " "))
log = {}
print(table.remove(proxy), table.concat(log, " "))
print(#proxy)
