-- dialects: 5.4 5.3 5.1
-- Comparisons with a nil, boolean or string constant (compiled as identity:
-- no __eq is consulted), and reads that miss a table's array part or string
-- store (nil on the spot unless a hash part or a metatable may hold the key).

local mt = {__eq = function(a, b) print("__eq called"); return true end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b)                    -- __eq runs
print(a == nil, nil == a, a ~= nil, a == "x", "x" == a, a == true, false == a)
local s = "ab"
print(s == "ab", "ab" == s .. "", s ~= "ab", s == nil, s == "a" .. "b")
local n, f, z = 1, 1.0, 0
print(n == "1", f == "1", n == true, nil == false, nil == nil, true ~= false)
print(z == nil, (z or nil) == nil, (nil) == nil, (1 < 2) == true, not nil == true)
local function many() return nil, 1 end
print(many() == nil, (many()) == nil, select(2, many()) == nil)
local ud = io.stdout
print(ud == nil, ud ~= "file", io.stdout == ud)

-- Misses on the array part and the string store.
local t = {10, 20, 30}
print(t[4], t[0], t[-1], t[1.5], t[0/0], t[2^53], t[math.huge], t.x, t["1"])
t[-1] = "neg"; t[2.5] = "frac"; t[100] = "far"
print(t[-1], t[2.5], t[100], t[99], t[4], t[3.0], t[2^63])
local e = {}
print(e[1], e.x, e[""], #e)
local idx = setmetatable({}, {__index = function(_, k) return "idx:" .. tostring(k) end})
print(idx[1], idx.x, idx[1.5], idx[""])
local chain = setmetatable({1}, {__index = {nil, "two", x = "X"}})
print(chain[1], chain[2], chain[3], chain.x, chain.y)
local cnt = 0
local counting = setmetatable({}, {__index = function() cnt = cnt + 1 end})
for i = 1, 10 do local _ = counting[i]; _ = counting["k" .. i] end
print(cnt)
-- A table that gains a metatable or a hash part between reads at one site.
local function get(tt, k) return tt[k] end
local u = {1}
print(get(u, 2), get(u, "y"))
setmetatable(u, {__index = function(_, k) return "late " .. tostring(k) end})
print(get(u, 2), get(u, "y"))
local v = {1}
print(get(v, 5))
v[5] = "five"
print(get(v, 5), get(v, 4))
print(pcall(get, nil, 1))
print(pcall(get, 5, "x"))
