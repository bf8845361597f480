print(nil, false, true, 0, -1, 1.5, "str", 2^63, -0.0, 1e-300)
print(("x"):rep(3), #{1, 2}, 10 // 3, 10 / 4)
print(string.format("%s|%s", 1, 1.0))
