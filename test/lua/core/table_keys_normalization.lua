local t = {}
t[1] = 'int'
t[1.0] = 'float overwrites'
print(t[1])
t[2^53] = 'big'
print(t[2^53], t[9007199254740992])
t['1'] = 'string one'
print(t[1], t['1'])
t[-0.0] = 'negzero'
print(t[0], t[0.0])
local keys = 0
for k in pairs(t) do keys = keys + 1 end
print(keys)
