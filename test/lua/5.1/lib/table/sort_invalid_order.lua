-- sort with an inconsistent comparator: 5.1's checks
local function run(n, cmp)
  local t = {}
  for i = 1, n do t[i] = (i * 7) % 11 end
  local ok, err = pcall(table.sort, t, cmp)
  print(n, ok, err, table.concat(t, ","))
end
run(3, function(a, b) return true end)
run(7, function(a, b) return true end)
run(12, function(a, b) return true end)
run(12, function(a, b) return a <= b end)
run(30, function(a, b) return false end)
local t = {}
for i = 1, 10 do t[i] = {v = i} end
print(pcall(table.sort, t, function(a, b) return a.v >= b.v end))
