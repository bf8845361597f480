-- dialects: 5.4 5.3 5.1
-- `x == k` for a number literal k is decided inline (codegen's
-- numberEquality): integers, floats (integral, non-integral, zeros,
-- infinities, NaN), big integers, strings, tables with __eq, nil.
local function vals(...) return {n = select("#", ...), ...} end
local v = vals(1, 1.0, -0.0, 0, 0.5, 2^53, 2^53 + 1, math.maxinteger, math.mininteger, "1", {}, true, nil,
  1/0, -1/0, 0/0, 3, -3, 1e300, math.floor(7 / 2), 7 / 2)
for i = 1, v.n do
  local x = v[i]
  print(i, x == 1, x ~= 1, 1 == x, x == 1.0, x == 0, x == -0.0, x == 0.5, x ~= 0.5, 0.5 == x,
    x == 3, x == 1e300, x == 9007199254740992, x == 9007199254740993, x == 3.5)
end
local n = 0
local a = setmetatable({}, {__eq = function() n = n + 1 return true end})
print(a == 1, a ~= 1, 1 == a, n)
local count = 0
for i = 1, 100 do if i % 3 == 0 then count = count + 1 end end
print(count)
