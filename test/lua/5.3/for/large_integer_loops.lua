local M = math.maxinteger
local c = 0
for i = M - 5, M - 1 do c = c + 1 end
print(c)
c = 0
for i = math.mininteger, math.mininteger + 4 do c = c + 1 end
print(c)
for i = M - 1, M - 3, -1 do io.write(i, " ") end print()
c = 0
for i = 1, M, M // 2 do c = c + 1 io.write(i, " ") if c > 4 then break end end print()
c = 0
for i = -1, math.mininteger, math.mininteger do c = c + 1 io.write(i, " ") if c > 4 then break end end print()
for i = 9007199254740992, 9007199254740995 do io.write(i, " ") end print()
