local t = {}
print(t.constructor, t.__proto__, t.toString, t.valueOf, t.hasOwnProperty, t.prototype)
print(t['constructor'], t["__proto__"], t.length, t.size, t.get, t.set, t.has)
t.constructor = 1
t.__proto__ = 2
t.toString = 3
t.valueOf = 4
t.hasOwnProperty = 5
t.prototype = 6
t.length = 7
print(t.constructor, t.__proto__, t.toString, t.valueOf, t.hasOwnProperty, t.prototype, t.length)
print(#t)
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. '=' .. v end
table.sort(keys)
print(table.concat(keys, ' '))
t.__proto__ = nil
print(t.__proto__, rawget(t, '__proto__'))
