-- tonumber without a base: 5.1's strtod-based conversion
local cases = {
  "10", " 10 ", "\t10\n", "0x10", "0X1F", "-0x10", " +5 ", "1e1", "1E+2", "2.5e-1",
  ".5", "5.", "-.5", "0x1p4", "0x.8", "0xA.8p1", "1e", "1e+", "0x", "0x ", "x10",
  "10x", "1 0", "", " ", "- 1", "--1", "inf", "-inf", "INF", "infinity", "nan", "-nan",
  "NaN", "nanx", "1.5.5", "0x1g", "1e500", "-1e500", "1e-500", "00012", "0010.50",
}
for _, s in ipairs(cases) do
  local n = tonumber(s)
  print(string.format("%q", s), n == nil and "nil" or string.format("%.14g", n))
end
print(tonumber("10\0"), tonumber("10\0abc"), tonumber("\0"))
