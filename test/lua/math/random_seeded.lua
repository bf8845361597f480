-- math.random after math.randomseed: exactly lua5.4's xoshiro256** sequence
print(math.randomseed(42))
print(math.random(1, 100), math.random(), math.random(0))
math.randomseed(42)
local t = {}
for i = 1, 20 do t[i] = math.random(1, 6) end
print(table.concat(t, ' '))
for _, seed in ipairs{0, 1, -1, 2^31, math.maxinteger, math.mininteger, 123456789} do
  math.randomseed(seed)
  local out = {}
  for i = 1, 8 do out[#out + 1] = tostring(math.random(0)) end
  for i = 1, 4 do out[#out + 1] = tostring(math.random()) end
  for i = 1, 8 do out[#out + 1] = tostring(math.random(1000)) end
  print(seed, table.concat(out, ' '))
end
-- two-argument seeds
math.randomseed(1, 2)
print(math.random(0), math.random(0))
math.randomseed(1, 3)
print(math.random(0), math.random(0))
math.randomseed(1.0, 2.0)
print(math.random(0), math.random(0))
math.randomseed('7', '8')
print(math.random(0))
-- reseeding restarts the sequence
math.randomseed(99)
local a = {math.random(0), math.random(0), math.random(0)}
math.randomseed(99)
local b = {math.random(0), math.random(0), math.random(0)}
print(a[1] == b[1] and a[2] == b[2] and a[3] == b[3])
