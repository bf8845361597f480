-- Microbenchmark: array part of tables: fill with t[i] = v, append with
-- t[#t + 1] = v, sum with a numeric for and with ipairs.
-- usage: array.lua [REPS [LEN]]   (default 60 x 200000)
local A1, A2 = ...  -- script arguments (as lua.c passes them)
local reps = tonumber(A1) or 60
local len = tonumber(A2) or 200000

local total = 0
for r = 1, reps do
  local t = {}
  for i = 1, len do
    t[i] = i * 2 + r
  end
  local u = {}
  for i = 1, len // 4 do
    u[#u + 1] = i
  end
  local s = 0
  for i = 1, #t do
    s = s + t[i]
  end
  for _, v in ipairs(u) do
    s = s + v
  end
  total = total + s % 1000003
end
print(total)
