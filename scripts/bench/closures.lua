-- Microbenchmark: closures: creating closures that capture locals
-- (including per-iteration loop variables), calling them, and mutating
-- shared upvalues.
-- usage: closures.lua [N]   (default 3000000)
local A1 = ...  -- script argument (as lua.c passes it)
local n = tonumber(A1) or 3000000

local function counter()
  local c = 0
  return function(d) c = c + d; return c end
end

local function adder(x)
  return function(y) return x + y end
end

local function apply(f, v) return f(v) end

local s = 0
local cnt = counter()
for i = 1, n do
  local add = adder(i)
  s = s + apply(add, 1) + cnt(1)
  local g = function() return i * 2 end
  s = s + g()
end
s = s + cnt(0)
print(s)
