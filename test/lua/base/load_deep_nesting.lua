-- moderately deep nesting compiles; absurdly deep nesting is a compile error
local f = load('return ' .. string.rep('(', 100) .. '1' .. string.rep(')', 100))
print(f())
local g, msg = load('return ' .. string.rep('(', 300) .. '1' .. string.rep(')', 300))
print(g, (msg:find('overflow')) ~= nil)
local nested = 'return ' .. string.rep('{', 100) .. string.rep('}', 100)
print(type(load(nested)()))
