-- min and max: numbers only (strings converted), at least one
print(math.max(1, 5, 3), math.min(2, -1, 0), math.max(7), math.min(-7))
print(math.max("10", 2), math.min(3, "1"), type(math.max("10")))
print(math.max(1.5, 1), math.min(-0.5, 0), math.max(-1/0, 1/0))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, "x"))
print(pcall(math.min, {}, 1))
print(pcall(math.max, 1, nil))
