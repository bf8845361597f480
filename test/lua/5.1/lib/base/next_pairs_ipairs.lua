-- next, pairs and ipairs: 5.1 ignores __pairs/__ipairs; ipairs is raw
local t = setmetatable({1, 2}, {
  __index = function(_, k) return k * 100 end,
  __pairs = function() error("__pairs called") end,
  __ipairs = function() error("__ipairs called") end,
})
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local n = 0
for k, v in pairs(t) do n = n + 1 end
print("pairs saw", n)
print(next({}), next({10}), next({10}, 1))
print(pcall(next, {}, "nokey"))
print(pcall(next))
print(pcall(next, 1))
print(pcall(pairs))
print(pcall(pairs, nil))
print(pcall(pairs, "str"))
print(pcall(ipairs))
print(pcall(ipairs, "str"))
local f, s, i = ipairs({})
print(type(f), type(s), i)
local f2, s2, k2 = pairs({})
print(f2 == next, type(s2), k2)
local holes = {1, 2, nil, 4}
local c = 0
for i in ipairs(holes) do c = i end
print("ipairs stops at", c)
local iter = ipairs({})
print(select("#", iter({}, 0)), select("#", iter({7}, 0)), iter({7}, 0.5))
print(pcall(iter, {}, "x"))
print(select("#", next({})), select("#", (pairs({}))({})))
