-- inconsistent comparators: "invalid order function for sorting" or a
-- deterministic (if meaningless) permutation, exactly as lua5.4
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return table.concat(p, ' ') end
local function try(t, f)
  local ok, e = pcall(function() table.sort(t, f) end)
  print(ok, ok and show(t) or e)
end
local always = function() return true end
try({1, 2}, always)
try({1, 2, 3}, always)
try({1, 2, 3, 4}, always)
try({3, 1, 2, 5, 4, 7, 6}, always)
local le = function(a, b) return a <= b end
try({1, 2, 3, 4, 5}, le)
try({5, 5, 5, 5, 5}, le)
try({1, 5, 2, 4, 3, 3, 3}, le)
-- a comparator that flips its answer on every call
local flip = false
local flipper = function() flip = not flip; return flip end
for n = 2, 12 do
  local t = {}
  for i = 1, n do t[i] = i end
  flip = false
  try(t, flipper)
end
-- a comparator based on a counter
local c = 0
try({8, 6, 7, 5, 3, 0, 9, 1, 2, 4}, function(a, b) c = c + 1; return c % 3 == 0 end)
c = 0
try({8, 6, 7, 5, 3, 0, 9, 1, 2, 4}, function(a, b) c = c + 1; return c % 5 ~= 0 end)
-- NaN in the default order
try({3, 0/0, 1, 2})
try({0/0, 0/0, 0/0, 1})
local t = {5, 0/0, 3, 0/0, 1, 4, 2}
local ok = pcall(function() table.sort(t) end)
local p = {}
for i = 1, #t do p[i] = t[i] ~= t[i] and 'NaN' or tostring(t[i]) end
print(ok, table.concat(p, ' '))
-- the error is raised with the position of the caller of sort
print(pcall(function() table.sort({3, 1, 2, 5, 4, 7, 6}, always) end))
