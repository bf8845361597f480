-- Fuzzer finding: the sign of NaN results of ^ (glibc pow) and math.log(x, 10),
-- which lua5.4 prints as "-nan" or "nan".
print((-3) ^ 0.5, (-3.0) ^ (1/3), (-8) ^ 1.5, 2 ^ (0/0), (0/0) ^ 1, (-(0/0)) ^ 1, (-1) ^ math.huge, (-2) ^ 0.5 * 1)
print(math.sqrt(-1), math.log(-1), math.fmod(1, 0.0), math.fmod(math.huge, 2), math.acos(2), math.asin(2), math.log(-1, 2), math.log(-1, 10))
print(math.exp(0/0), math.sin(math.huge), math.cos(-math.huge), math.tan(math.huge), math.atan(0/0), -(0/0) + 1)
print(1e308 * 10 - 1e308 * 10, math.huge - math.huge, math.huge * 0, 0 * -math.huge, math.huge / math.huge, 1 % math.huge, math.huge % 2, 5.3 % 0)
local vals = {-3, -2.5, 0/0, -(0/0), 2, -1, 0.5, 1/3, math.huge, -math.huge, 3, -0.0}
local out = {}
for _, x in ipairs(vals) do
  for _, y in ipairs(vals) do out[#out + 1] = tostring(x ^ y) end
end
print(table.concat(out, " "))
