-- self tail calls run as loops in direct mode; rebinding the name mid-way
-- must still call the new function, and captured parameters stay per call
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
print(count(10000000, 0))

local fs = {}
local function collect(n)
  if n == 0 then return #fs end
  fs[#fs + 1] = function() return n end
  return collect(n - 1)
end
print(collect(3), fs[1](), fs[2](), fs[3]())

local function f(n)
  if n == 2 then f = function(m) return 'rebound ' .. m end end
  if n == 0 then return 'end' end
  return f(n - 1)
end
local g = f
print(g(5))

function globalloop(n, extra)
  if n == 0 then return extra end
  return globalloop(n - 1)
end
print(globalloop(3, 'x'), globalloop(0, 'y'))
print(select('#', (function(n) local function h(k) if k > 0 then return h(k - 1) end end return h(n) end)(5)))
