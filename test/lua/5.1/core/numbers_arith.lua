-- Arithmetic on doubles: / % ^ and the unary minus.
local a, b = 7, 2
print(a + b, a - b, a * b, a / b, a % b, a ^ b, -a)
print(-7 % 3, 7 % -3, -7 % -3, 5.5 % 2, -5.5 % 2, 5 % 0.3)
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, math.huge % 2)
print(2 ^ 0.5, 2 ^ -1, (-8) ^ (1/3), 0 ^ 0, 10 ^ 308 * 10)
print(1 / 0, -1 / 0, 0 / 0, -(0 / 0), 1 / (-0))
local x = 2^53
print(x + 1, x + 2, x * 2, x - 1)
local big = 9007199254740993
print(big, big == 2^53, 2^63 == 2^63 + 1)
