-- table.move
local function dump(t, n)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = tostring(t[i]) end
  return table.concat(parts, ',')
end
local a = {1, 2, 3, 4, 5}
local b = table.move(a, 1, 3, 1, {})
print(dump(b, 5))
print(table.move(a, 1, 5, 3) == a, dump(a, 7))
a = {1, 2, 3, 4, 5}
table.move(a, 2, 5, 1)
print(dump(a, 5))
a = {1, 2, 3, 4, 5}
table.move(a, 1, 0, 3)
print(dump(a, 5))
a = {1, 2, 3}
table.move(a, 1, 3, -1)
print(a[-1], a[0], a[1], a[2], a[3])
-- to another table, appending
local dst = {'x', 'y'}
table.move({1, 2, 3}, 1, 3, #dst + 1, dst)
print(dump(dst, #dst), #dst)
-- nil destination means the source
a = {1, 2, 3}
print(table.move(a, 1, 3, 2, nil) == a, dump(a, 4))
-- moving nils clears
a = {1, 2, 3, 4}
table.move({}, 1, 2, 2, a)
print(a[1], a[2], a[3], a[4])
-- copy
local src = {}
for i = 1, 100 do src[i] = i * i end
local copy = table.move(src, 1, #src, 1, {})
print(#copy, copy[1], copy[50], copy[100])
-- shift right by one inside the same table (overlap)
local s = {1, 2, 3, 4, 5, 6}
table.move(s, 1, 6, 2)
print(dump(s, 7))
-- shift left
s = {1, 2, 3, 4, 5, 6}
table.move(s, 2, 6, 1)
print(dump(s, 6))
-- numeric strings and floats as positions
a = {1, 2, 3}
table.move(a, '1', 2.0, 4)
print(dump(a, 5))
-- far away indices
local far = table.move({1, 2}, 1, 2, math.maxinteger - 1, {})
print(far[math.maxinteger - 1], far[math.maxinteger])
local neg = table.move({[math.mininteger] = 'm', [math.mininteger + 1] = 'n'}, math.mininteger, math.mininteger + 1, 1, {})
print(neg[1], neg[2])
