-- table.sort with comparison functions
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return table.concat(p, ' ') end
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t, function(a, b) return a > b end)
print(show(t))
-- sort records by a field, then by another
local people = {
  {name = 'ann', age = 31}, {name = 'bob', age = 25}, {name = 'cid', age = 31},
  {name = 'dee', age = 19}, {name = 'eve', age = 25}, {name = 'fay', age = 40},
}
table.sort(people, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  return a.name < b.name
end)
local names = {}
for i, p in ipairs(people) do names[i] = p.name .. ':' .. p.age end
print(table.concat(names, ' '))
-- comparator returning non-boolean truthy values
t = {3, 1, 2}
table.sort(t, function(a, b) if a < b then return 'yes' else return nil end end)
print(show(t))
t = {3, 1, 2}
table.sort(t, function(a, b) return a < b and 0 or false end)
print(show(t))
-- comparator returning several values: only the first counts
t = {3, 1, 2, 5, 4}
table.sort(t, function(a, b) return a < b, 'ignored' end)
print(show(t))
-- comparator with no return value: all "not less", any order allowed? (lua keeps a deterministic result)
t = {3, 1, 2, 5, 4}
table.sort(t, function() end)
print(show(t))
-- case-insensitive strings
t = {'b', 'A', 'c', 'B', 'a', 'C'}
table.sort(t, function(a, b)
  local la, lb = a:lower(), b:lower()
  if la ~= lb then return la < lb end
  return a < b
end)
print(show(t))
-- sort by length
t = {'ccc', 'a', 'bb', 'dddd', ''}
table.sort(t, function(a, b) return #a < #b end)
print(show(t))
-- nil comparator means default
t = {3, 1, 2}
table.sort(t, nil)
print(show(t))
