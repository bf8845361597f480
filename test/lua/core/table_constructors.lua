local t = {1, 2, 3; x = 'x', ['y'] = 'y', [10] = 'ten', 4}
print(#t, t[4], t.x, t.y, t[10])
local u = {[1] = 'a', 'b'}
print(u[1])
local v = {'first', [1] = 'override?'}
print(v[1])
local w = {f = function() return 'fn' end, ['key with space'] = 1}
print(w.f(), w['key with space'])
local n = {[1.0] = 'float key', [2] = 'two'}
print(n[1], n[2.0], math.type(next({[3.0] = true})))
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() return {[0/0] = 1} end))
