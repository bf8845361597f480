-- math.random(m), math.random(m, n): projection with rejection, as lmathlib
math.randomseed(2024)
local function row(...) local t = {} for i = 1, 12 do t[i] = tostring(math.random(...)) end print(table.concat(t, ' ')) end
row(1)
row(2)
row(3)
row(7)
row(8)
row(100)
row(-5, 5)
row(0, 1)
row(10, 10)
row(math.mininteger, math.maxinteger)
row(0, math.maxinteger)
row(math.mininteger, -1)
row(math.mininteger, math.mininteger + 2)
row(math.maxinteger - 3, math.maxinteger)
row(1, 2^32)
row(1, 2^32 + 1)
row(-2^40, 2^40)
row(1, 1000000007)
row(1, 2^53)
row(-(2^62), 2^62)
row(3.0, '9')
-- statistics that must match exactly
math.randomseed(5)
local counts = {0, 0, 0, 0, 0, 0}
for i = 1, 60000 do local k = math.random(6); counts[k] = counts[k] + 1 end
print(table.concat(counts, ' '))
local sum = 0
for i = 1, 10000 do sum = sum + math.random() end
print(string.format('%.10f', sum))
local lo, hi = math.huge, -math.huge
for i = 1, 10000 do local x = math.random(-3, 3); if x < lo then lo = x end; if x > hi then hi = x end end
print(lo, hi)
