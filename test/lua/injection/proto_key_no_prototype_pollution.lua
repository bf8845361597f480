local t = {}
t['__proto__'] = {polluted = true}
local u = {}
print(u.polluted, t.polluted, type(t.__proto__), t.__proto__.polluted)
local v = {__proto__ = {x = 1}}
print(v.x, v.__proto__.x)
local w = {['constructor'] = {prototype = {evil = 1}}}
print(({}).evil, w.constructor.prototype.evil)
print(next({}))
