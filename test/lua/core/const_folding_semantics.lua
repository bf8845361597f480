local a <const> = 7
local b <const> = 2
print(a // b, a % b, a / b, a ^ b, -a, a & b, a | b, a ~ b, a << b, a >> 1, ~a)
local f <const> = 7.5
print(f // 2, f % 2, math.type(f // 2))
local big <const> = math.maxinteger
print(big + 1 == math.mininteger)
