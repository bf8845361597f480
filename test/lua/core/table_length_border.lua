local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[100] = nil
print(#t)
local s = {n = 1}
print(#s)
local big = {}
big[1] = 1; big[2] = 2; big[3] = 3
print(#big)
