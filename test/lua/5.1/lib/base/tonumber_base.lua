-- tonumber with a base: strtoul (bases 2..36)
local function show(a, b, c, d, e)
  local t = {}
  for i, v in ipairs{a or false, b or false, c or false, d or false, e or false} do
    t[i] = v == false and "nil" or string.format("%.17g", v)
  end
  print(table.concat(t, " "))
end
show(tonumber("10", 2), tonumber("777", 8), tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36))
show(tonumber("0x10", 16), tonumber("0x", 16), tonumber(" 11 ", 2), tonumber("12", 2), tonumber("", 10))
show(tonumber("-ff", 16), tonumber("+ff", 16), tonumber("ffffffffffffffff", 16), tonumber("1ffffffffffffffff", 16))
show(tonumber("7fffffff", 16), tonumber("1.5", 10), tonumber("1.5", 16), tonumber(10, 16), tonumber("10", 10.9))
show(tonumber("z", 35), tonumber("Z", 36), tonumber("10", nil), tonumber("-0", 8))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, "10", 0))
print(pcall(tonumber, {}, 16))
print(pcall(tonumber, nil, 16))
print(pcall(tonumber))
print(tonumber(nil), tonumber(true), tonumber({}), tonumber(print))
