local f = string.format
for _, x in ipairs{1.5, 1.99, 0.5, 4.9e-324, 2.2250738585072014e-308, 1e-310, -0.0, 0.0, 255.5, 3.0, 1e300, math.pi, -math.pi, 2^1023, 1/3, 0.1, 1.0000000000000002} do
  print(f('%a|%A|%.0a|%.1a|%#.0a|%+a|% a|%012a|%-12a|%.3a|%20.15a|%#a|%.13a|%.12a', x,x,x,x,x,x,x,x,x,x,x,x,x,x))
end
for _, x in ipairs{1/0, -1/0} do
  print(f('%a|%A|%.0a|%+a|% a|%012a|%-12a|', x,x,x,x,x,x,x))
end
print(f("%a", 1), f("%a", math.mininteger), f("%a", "0x10"), f("%A", 2^-1074))
print(f("%.1a|%.1a|%.1a|%.1a", 1.03125, 1.09375, 1.96875, 1.90625))
print(f("%.0a|%.0a|%.0a|%.0a", 1.5, 2.5, 3.5, 1.25))
print(pcall(f, "%a", "x"))
print(pcall(f, "%#5.2a", {}))
