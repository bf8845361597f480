-- dialects: 5.4 5.3
-- Bitwise operators on int32-range integers are inlined; everything else
-- (large values, negative shifts, floats, strings, metamethods) takes the
-- slow path. Results must be lua5.4's 64-bit ones.
local vals = {0, 1, -1, 2, 7, 255, -256, 0x7fffffff, -0x80000000, 0x80000000, 0xffffffff,
              -0x80000001, 2^53 | 0, math.maxinteger, math.mininteger, 3.0, -4.0}
local function all(a, b)
  return a & b, a | b, a ~ b, ~a
end
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    print(a, b, all(a, b))
  end
end
local shifts = {0, 1, 2, 20, 21, 22, 31, 32, 33, 63, 64, 65, -1, -31, -32, -64, 1.0, 100}
for _, a in ipairs(vals) do
  for _, s in ipairs(shifts) do
    print(a, s, a << s, a >> s)
  end
end
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return 1 | 2.5 end))
print(pcall(function() return "3" & 1, "0x10" | 1, " 7 " ~ 2, "2" << 1, ~"1" end))
print(pcall(function() return {} << 1 end))
print(pcall(function() local x; return x >> 1 end))
print(pcall(function() return 2^63 & 1 end))
local mt = {__band = function() return "band" end, __shl = function() return "shl" end,
            __bnot = function() return "bnot" end, __bxor = function() return 9 end}
local o = setmetatable({}, mt)
print(o & 1, 1 & o, o << 2, ~o, o ~ 1)
-- in loops (the Mandelbrot pattern)
local acc, sum = 0, 0
for i = 1, 100 do
  acc = (acc << 1) + (i % 2)
  if i % 8 == 0 then sum = sum ~ acc; acc = 0 end
end
print(acc, sum)
local h = 0
for i = 1, 1000 do h = ((h << 5) ~ (h >> 2) ~ i) & 0xffffff end
print(h)
local big = 1
for i = 1, 70 do big = big << 1 | 1 end
print(big)
-- literal operands (checked at compile time)
for _, x in ipairs({0, 1, -1, 5, -7, 0x7fffffff, -0x80000000, 2^40 | 0, math.mininteger}) do
  print(x, x << 0, x << 1, x << 21, x << 22, x << 63, x << 64, x << -1, x >> 0, x >> 1, x >> 31, x >> 32, x >> -3,
        x & 0xff, x & 0x80000000, x | -1, x ~ 0x7fffffff, x ~ -0x80000001, 3 << x % 64, 1 >> x % 8, ~x)
end
