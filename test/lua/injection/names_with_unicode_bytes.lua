local s = '\xE2\x80\xA8'
local t = {}
t[s .. 'constructor'] = 1
t['constructor' .. s] = 2
print(t[s .. 'constructor'], t['constructor' .. s], t.constructor)
print(load('return "' .. s .. '"')() == s)
print(load('return 1 -- ' .. s .. ' comment')())
print(load('local a = 1' .. s .. 'return a'))
