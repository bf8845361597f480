-- Numeric strings take part in arithmetic (strtod rules); the result is a number.
print("10" + 1, "3" * "4", "2" ^ 2, -"2", "10" / 4, "7" % "3")
print(" 0x10 " + 0, "1e2" + 0, ".5" + 0, "5." + 0, "0x1p4" + 0)
print("inf" + 0, "-inf" + 0, "nan" + 0 ~= "nan" + 0)
for _, s in ipairs({"", " ", "abc", "1e", "0x", "1 2", "--1"}) do
  print(s, pcall(function() return s + 1 end))
end
print(10 .. 20, 1.5 .. "|", -0 .. "")
print(pcall(function() return {} + 1 end))
print(pcall(function() return 1 + {} end))
print(pcall(function() local s = "x" return s * 2 end))
