local t = {}
t[2^53] = 'two53'
t[2^53 + 1] = 'same float'
t[math.maxinteger] = 'max'
t[math.mininteger] = 'min'
t[4294967295] = 'u32max'
t[4294967296] = 'u32max+1'
t[-0.0] = 'zero'
print(t[2^53], t[math.maxinteger], t[math.mininteger], t[4294967295], t[4294967296], t[0])
print(t[9007199254740992], t[9007199254740993])
local count = 0
for k in pairs(t) do count = count + 1 end
print(count)
t[1/0] = 'inf'
t[-1/0] = 'neginf'
print(t[math.huge], t[-math.huge])
