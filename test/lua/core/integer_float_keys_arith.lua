local t = {}
for i = 1, 3 do t[i] = i end
print(t[1.0], t[3.0], t[2^0])
t[4.0] = 'four'
print(#t, t[4])
local k = 10 / 5
print(math.type(k), t[k])
