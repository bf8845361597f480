print(5.5 // 2, -5.5 // 2, 5.5 % -2, -5.5 % 2)
print(math.huge // 1, -math.huge // 1)
print(1e308 % 3 >= 0, 3 % math.huge, -3 % math.huge, 3 % -math.huge)
print(0.0 // 1, -0.0 // 1)
