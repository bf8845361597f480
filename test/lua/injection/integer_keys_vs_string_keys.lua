local t = {}
t[1] = 'int'
t['1'] = 'str'
t[1.5] = 'float'
t['1.5'] = 'strfloat'
t[-1] = 'neg'
t['-1'] = 'strneg'
print(t[1], t['1'], t[1.5], t['1.5'], t[-1], t['-1'])
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, #t)
local arr = {}
arr['length'] = 100
print(#arr, arr.length)
arr[1] = 'a'
print(#arr)
