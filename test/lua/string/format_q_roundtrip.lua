local seed = 2024
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local bad = 0
for i = 1, 2000 do
  local x = (rnd(2^30) * 2^23 + rnd(2^23)) / 2^(rnd(100))
  if rnd(3) == 1 then x = -x end
  local q = string.format("%q", x)
  local back = load("return " .. q)()
  if back ~= x or math.type(back) ~= "float" then bad = bad + 1 print("mismatch", q) end
  if i % 200 == 0 then print(i, q) end
end
print("bad", bad)
for _, v in ipairs{1, -1, 0, math.maxinteger, math.mininteger, 1 << 40, -(1 << 53)} do
  local q = string.format("%q", v)
  print(q, load("return " .. q)() == v, math.type(load("return " .. q)()))
end
local strs = {"", "\"", "\\", "\n", "\r\n", "\0", "\0009", "a\0b", "\255", "tab\there", "é", "\27[0m"}
for _, s in ipairs(strs) do
  local q = string.format("%q", s)
  print(q, load("return " .. q)() == s)
end
