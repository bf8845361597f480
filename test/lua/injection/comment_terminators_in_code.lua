local a = 1 --[[ */ ]] + 1
print(a)
local s = '*/' -- */ alert(1) /*
print(s)
local b = 2 --[==[ */ ]] ]=] ]==] * 3
print(b)
