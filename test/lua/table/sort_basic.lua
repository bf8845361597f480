-- table.sort with the default order
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end return table.concat(p, ' ') end
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(show(t))
t = {'banana', 'apple', 'cherry', 'date', 'Apple', 'apple2', '', 'a'}
table.sort(t)
print(show(t))
t = {3.5, 1, -2, 2^53, -0.0, 0, 1e100, -1e100, math.huge, -math.huge, math.maxinteger, math.mininteger}
table.sort(t)
print(show(t))
t = {}
table.sort(t)
print(#t)
t = {1}
table.sort(t)
print(show(t))
t = {2, 1}
table.sort(t)
print(show(t))
t = {3, 2, 1}
table.sort(t)
print(show(t))
-- already sorted, reversed, all equal
local n = 200
local asc, desc, eq = {}, {}, {}
for i = 1, n do asc[i] = i; desc[i] = n - i; eq[i] = 7 end
table.sort(asc); table.sort(desc); table.sort(eq)
print(asc[1], asc[n], desc[1], desc[n], eq[1], eq[n])
-- sort returns nothing
print(select('#', table.sort({3, 1, 2})))
-- strings with embedded zeros and high bytes compare bytewise
t = {'a\0b', 'a', 'a\0a', '\255', '\128', 'b'}
table.sort(t)
local out = {}
for i, s in ipairs(t) do out[i] = (s:gsub('%z', '<0>'):gsub('[\128-\255]', function(c) return '<' .. c:byte() .. '>' end)) end
print(table.concat(out, ' '))
