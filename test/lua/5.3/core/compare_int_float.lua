print(1 < 1.5, 2 > 1.5, 1 == 1.0, 2^53 == 2^53 + 1, math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63)
print(math.maxinteger == 2^63 - 1, math.mininteger == -2^63, math.mininteger < -2^63, 1/0 > math.maxinteger)
print(0/0 == 0/0, 0/0 ~= 0/0, 0/0 < 1, 1 < 0/0, -0.0 == 0.0)
print(3 == "3", "10" < "9", "a" < "b", "" < "\0")
