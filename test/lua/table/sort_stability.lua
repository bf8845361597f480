-- table.sort is not stable; the order of equal elements is what ltablib's
-- quicksort produces (deterministic below 100 elements and without bad splits)
local function run(n, keys)
  local t = {}
  for i = 1, n do t[i] = {k = keys(i), id = i} end
  table.sort(t, function(a, b) return a.k < b.k end)
  local out = {}
  for i = 1, n do out[i] = t[i].k .. '/' .. t[i].id end
  print(table.concat(out, ' '))
end
run(10, function(i) return i % 3 end)
run(17, function(i) return i % 2 end)
run(25, function(i) return (i * 7) % 5 end)
run(40, function() return 1 end)
run(60, function(i) return (i * 13) % 11 end)
run(99, function(i) return (i * i) % 7 end)
