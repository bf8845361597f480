for _, n in ipairs{0, 1, 63, 64, 65, -1, -63, -64, 100} do
  print(n, 1 << n, -1 >> n, 0xFF << n, math.mininteger >> n)
end
print(1 << math.mininteger, 1 >> math.mininteger, 1 << math.maxinteger)
print(2.0 << 1, "2" << 1.0)
