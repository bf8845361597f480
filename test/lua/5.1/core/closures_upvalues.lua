-- Closures share upvalues; loops create fresh locals per iteration.
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc() inc()
print(get())
local acc = {}
local j = 0
while j < 3 do j = j + 1 local k = j acc[j] = function() return k end end
print(acc[1](), acc[2](), acc[3]())
local r = {}
repeat local x = #r + 1 r[x] = function() return x end until x >= 3
print(r[1](), r[3]())
