-- Microbenchmark: a numeric for loop with integer arithmetic (%, +).
-- usage: intloop.lua [STEPS]   (default 50000000)
local A1 = ...  -- script argument (as lua.c passes it)
local n = tonumber(A1) or 50000000

local s = 0
for i = 1, n do
  s = s + i % 7
end
print(s)
