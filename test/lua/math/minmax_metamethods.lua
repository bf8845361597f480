-- math.min / math.max compare with __lt, like the < operator
local mt = {__lt = function(a, b) return a.v < b.v end}
local function V(v) return setmetatable({v = v}, mt) end
print(math.max(V(1), V(5), V(3)).v, math.min(V(4), V(2), V(8)).v)
local log = {}
local lmt = {__lt = function(a, b) log[#log + 1] = a.v .. '<' .. b.v; return a.v < b.v end}
local function W(v) return setmetatable({v = v}, lmt) end
math.max(W(1), W(2), W(3), W(0))
print(table.concat(log, ' '))
log = {}
math.min(W(1), W(2), W(3), W(0))
print(table.concat(log, ' '))
local a = V(1)
print(math.max(a) == a, math.min(a) == a)
