constructor = 'c'
__proto__ = 'p'
toString = 't'
valueOf = 'v'
eval = 'e'
arguments = 'a'
this = 'this'
undefined = 'u'
NaN = 'nan'
Infinity = 'inf'
Object = 'obj'
globalThis = 'g'
process = 'proc'
print(constructor, __proto__, toString, valueOf, eval, arguments, this, undefined, NaN, Infinity, Object, globalThis, process)
print(rawget(_G, '__proto__'), _G.constructor, _G['toString'])
local keys = {}
for _, k in ipairs({'constructor', '__proto__', 'toString', 'valueOf', 'eval', 'arguments', 'this', 'undefined'}) do
  keys[#keys + 1] = k .. '=' .. tostring(_G[k])
end
print(table.concat(keys, ' '))
