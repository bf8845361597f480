-- dialects: 5.4 5.3 5.1
-- Large array parts (tens of thousands of elements, where V8 moves the
-- store to its large-object space and every growth copies it): filling,
-- appending, shrinking, inserting, removing, sorting, traversing and
-- concatenating them, and refilling an emptied one, as lua5.4 does.
local function sum(t)
  local s = 0
  for i = 1, #t do s = s + t[i] end
  return s
end

-- filled by index and by append, across several doublings
local t = {}
for i = 1, 70000 do t[i] = i % 7 end
print(#t, sum(t), t[16384], t[16385], t[70000], t[70001])
local u = {}
for i = 1, 40000 do u[#u + 1] = i end
print(#u, sum(u), u[32768], u[32769])

-- shrinking from the end, then growing again
for i = #t, 30001, -1 do t[i] = nil end
print(#t, t[30000], t[30001], sum(t))
for i = 30001, 90000 do t[i] = 1 end
print(#t, sum(t))

-- a nil store in the middle: the border may be either side of it, but the
-- elements stay where they are
t[50000] = nil
print(t[49999], t[50000], t[50001], t[90000])
t[50000] = 2

-- insert and remove in the middle and at the end
table.insert(u, 20000, -1)
table.insert(u, -2)
print(#u, u[19999], u[20000], u[20001], u[#u])
print(table.remove(u, 1), table.remove(u), #u, u[1], u[#u])

-- traversal: every key once, in the array part's order
local n, last, ordered = 0, 0, true
for k, v in pairs(u) do
  n = n + 1
  if type(k) == "number" then
    if k ~= last + 1 then ordered = false end
    last = k
  end
end
print(n, last, ordered)
local m = 0
for i, v in ipairs(u) do m = m + 1 end
print(m)

-- next() after the array shrank during a traversal
local w = {}
for i = 1, 20000 do w[i] = i end
local seen = 0
for k in pairs(w) do
  seen = seen + 1
  if k == 10 then for j = 20000, 11, -1 do w[j] = nil end end
end
print(seen, #w)

-- sort, concat, unpack and move over a large array
local s = {}
for i = 1, 30000 do s[i] = (i * 7919) % 30011 end
table.sort(s)
local sorted = true
for i = 2, #s do if s[i - 1] > s[i] then sorted = false end end
print(sorted, s[1], s[#s])
local parts = {}
for i = 1, 20000 do parts[i] = "x" end
print(#table.concat(parts), #table.concat(parts, ","))
local unpack = table.unpack or unpack
print(select("#", unpack(s, 1, 5000)))
if table.move then
  -- (#moved is any border: keys 1..10000 are nil)
  local moved = table.move(s, 1, 30000, 10001, {})
  print(moved[10000], moved[10001], moved[40000], moved[40001])
  local inplace = table.move(s, 1, 20000, 15001)
  print(#inplace, inplace[15001], inplace[35000])
else
  print("no table.move")
end

-- a table that was large, emptied and refilled
local r = {}
for round = 1, 3 do
  for i = 1, 20000 * round do r[i] = round end
  print(round, #r, sum(r))
  for i = #r, 1, -1 do r[i] = nil end
  print(#r, next(r))
end
