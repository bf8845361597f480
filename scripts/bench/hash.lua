-- Microbenchmark: hash part of tables with string keys: insert, lookup
-- (hits and misses), update, and pairs() traversal.
-- usage: hash.lua [REPS [NKEYS]]   (default 20 x 50000)
local A1, A2 = ...  -- script arguments (as lua.c passes them)
local reps = tonumber(A1) or 20
local nkeys = tonumber(A2) or 50000

local keys, misses = {}, {}
for i = 1, nkeys do
  keys[i] = "key" .. i
  misses[i] = "miss" .. i
end

local total = 0
for r = 1, reps do
  local t = {}
  for i = 1, nkeys do
    t[keys[i]] = i + r
  end
  local s = 0
  for j = 1, 4 do
    for i = 1, nkeys do
      s = s + t[keys[i]]
      if t[misses[i]] then s = s + 1 end
    end
  end
  for i = 1, nkeys, 3 do
    t[keys[i]] = t[keys[i]] + 1
  end
  for _, v in pairs(t) do
    s = s + v
  end
  total = (total + s) % 1000000007
end
print(total)
