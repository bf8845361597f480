-- Constructors whose positional items include nils, mixed with computed keys
-- (the general constructor path): lua5.4 sizes the array part for the
-- positional items, nils included, so the length counts them as {nil, 2} does.
local G, k = {}, "k"
local function f(...) return ... end
print(#{G.b, [k] = 2, 0x10}, rawlen({G.b, [k] = 2, x = k, 0x10}))
print(#{nil, [k] = 2, 3}, #{nil, nil, 3, [k] = 2}, #{nil, nil, [k] = 1})
print(#{nil, [k] = 1, f(nil, 5)}, #{[k] = 1, f(nil, nil, 7)})
-- keyed stores to positional indices: before their flush they are overwritten
local t = {[1] = 'a', 'b', [2] = 'c', 'd', [3] = 'e'}
print(t[1], t[2], t[3], #t)
t = {[2.0] = 'x', nil, 'y', [k] = 0}
print(t[1], t[2], #t)
-- past the first flush of 50 items, a keyed store to a flushed index wins
local src = {}
for i = 1, 50 do src[#src + 1] = tostring(i) end
local code = 'local k = "k" return {' .. table.concat(src, ', ') .. ', [1] = "keyed", [k] = 1, [60] = "sixty", 51}'
t = load(code)()
print(t[1], t[50], t[51], t[60], #t == 51 or #t == 60)
code = 'local k = "k" return {[1] = "keyed", [k] = 1, ' .. table.concat(src, ', ') .. ', 51}'
t = load(code)()
print(t[1], t[51], #t)
-- nil values under computed keys, and a float key that is an integer
t = {[k] = nil, nil, 2, [3.0] = 3}
print(t[k], t[2], t[3], #t)
