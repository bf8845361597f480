print(-2 ^ 2, (-2) ^ 2, 2 ^ -1, 2 ^ 3 ^ 2)
print(- - 3, -(-3.5), not nil, not 0)
print(2 ^ 63 == math.maxinteger + 1.0)
