local name = 'world'
local s = '${name}'
print(s, #s)
print('$' .. name, name .. '$', '$$' .. '$')
local t = {['$'] = 1, ['${name}'] = 2, ['$name'] = 3}
print(t['$'], t['${name}'], t['$name'])
print(load("return '${1+1}'")())
print(load('return "`${7*6}`"')())
