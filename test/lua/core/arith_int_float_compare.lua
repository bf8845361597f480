print(3 == 3.0, math.type(3), math.type(3.0))
print(2^53 == 2^53 + 1)
local i = 9007199254740993  -- 2^53 + 1
local f = 2.0^53
print(i == f, i > f, i < f, i >= f)
print(math.maxinteger < 2^63, math.maxinteger == 2^63, math.maxinteger + 0.0 == 2^63)
print(math.mininteger == -2^63, math.mininteger < -2^63)
print(1 < 1.5, 2 > 1.5, -1 < -0.5)
print(9007199254740993 < 9007199254740992.0)
