-- table.insert: append and positional insert on plain tables
local function dump(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  return '{' .. table.concat(parts, ',') .. '} #' .. #t
end

local t = {}
table.insert(t, 'a')
table.insert(t, 'b')
print(dump(t))
table.insert(t, 1, 'z')
print(dump(t))
table.insert(t, 2, 'y')
print(dump(t))
table.insert(t, #t + 1, 'end')
print(dump(t))
table.insert(t, #t, 'before-end')
print(dump(t))

-- numbers of every kind as values
local n = {}
table.insert(n, 1)
table.insert(n, 2.5)
table.insert(n, 3.0)
table.insert(n, math.maxinteger)
table.insert(n, 1, -0.0)
print(dump(n))

-- position given as a float with an integral value, or a numeric string
local s = {'x'}
table.insert(s, 1.0, 'w')
table.insert(s, '3', 'y')
print(dump(s))

-- many inserts at the front
local f = {}
for i = 1, 20 do table.insert(f, 1, i) end
print(dump(f))

-- inserts in the middle of a long list
local m = {}
for i = 1, 10 do m[i] = i * 10 end
for i = 1, 5 do table.insert(m, 5, -i) end
print(dump(m))

-- insert returns nothing
print(select('#', table.insert({}, 1)))
print(select('#', table.insert({}, 1, 1)))
