-- __index and __newindex chains, functions and tables; __call.
local base = {greet = function(self) return "hi " .. self.name end}
local mid = setmetatable({}, {__index = base})
local obj = setmetatable({name = "obj"}, {__index = mid})
print(obj:greet(), obj.missing)
local log = {}
local proxy = setmetatable({}, {
  __index = function(t, k) log[#log + 1] = "get:" .. tostring(k) return k .. "!" end,
  __newindex = function(t, k, v) log[#log + 1] = "set:" .. tostring(k) rawset(t, k, v) end,
})
print(proxy.a, proxy[1])
proxy.b = 2
proxy.b = 3
print(rawget(proxy, "b"), table.concat(log, " "))
local store = {}
local redirect = setmetatable({}, {__newindex = store})
redirect.x = 10
print(rawget(redirect, "x"), store.x)
local callable = setmetatable({}, {__call = function(self, a, b) return self == callable, a, b end})
print(callable(1, 2))
print(pcall(callable, "p"))
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
print(pcall(function() return loop.x end))
local nl = setmetatable({}, {})
getmetatable(nl).__newindex = nl
print(pcall(function() nl.x = 1 end))
local chain = {}
for i = 1, 99 do chain = setmetatable({}, {__index = chain}) end
print(pcall(function() return chain.x end))
chain = setmetatable({}, {__index = chain})
print(pcall(function() return chain.x end))
