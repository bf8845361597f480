-- Microbenchmark: naive recursive Fibonacci (function calls, integer
-- arithmetic): fib(N) computed REPS times.
-- usage: fib.lua [N [REPS]]   (default fib(32) x 4)
local A1, A2 = ...  -- script arguments (as lua.c passes them)
local n = tonumber(A1) or 32
local reps = tonumber(A2) or 4

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

local r
for _ = 1, reps do r = fib(n) end
print(r)
