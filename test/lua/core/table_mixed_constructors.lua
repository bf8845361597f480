-- dialects: 5.4 5.3 5.1
-- Constructors that mix positional items with constant string keys, as
-- qt.lua's {nil, nil, nil, nil, color = gray}, are built in one piece
-- (codegen's tableItems): items evaluate in source order, nils keep their
-- slots, the array part keeps room for the positional items, and keys
-- stored later (fields, array slots, other keys) behave as in any table.
local log = {}
local function f(x) log[#log + 1] = tostring(x); return x end

local t = {f(1), a = f(2), f(3), b = f(4), c = f(5)}
print(#t, t[1], t[2], t[3], t.a, t.b, t.c, table.concat(log, ","))

log = {}
t = {a = f("x"), b = f("y"), f(10)}
print(#t, t[1], t.a, t.b, table.concat(log, ","))

-- trailing nils: the array part is empty, then filled in order
local cell = {nil, nil, nil, nil, color = 0.5}
print(#cell, cell.color, cell[1], next(cell))
for i = 1, 4 do cell[i] = i * 10 end
print(#cell, cell[1], cell[4], cell.color)
cell[5] = 50; cell[7] = 70
print(cell[5], cell[6], cell[7])
cell[4] = nil
print(cell[4], cell[5], cell.color)

-- a key past the border (#leaf is then any border, lua5.4's is 3)
local leaf = {nil, nil, nil, nil, color = 0.5}
leaf[2] = 2; leaf[3] = 3
print(leaf[1], leaf[2], leaf[3])
leaf[1] = 1
print(#leaf, leaf[1], leaf[2], leaf[3])

-- nils inside the positional items
local holes = {nil, 2, x = 1}
print(#holes, holes[1], holes[2], holes.x)

-- nil values and repeated keys
local r = {x = nil, 1, 2, y = 3, y = 4, x = 5, nil}
print(#r, r.x, r.y, r[1], r[2], r[3])
r.x = nil; r.z = 6
print(r.x, r.z)

-- traversal: array part, then the string keys (sorted here: their order is lua5.4's hash order)
local p = {10, 20, k = "v", j = "w", 30}
local ks = {}
for k, v in pairs(p) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(ks)
print(table.concat(ks, " "))

-- string keys that look like numbers or special names stay strings
local s = {1, ["1"] = "one", __index = "i", constructor = "c", ["toString"] = "t"}
print(s[1], s["1"], s.__index, s.constructor, s.toString, #s)

-- an error inside an item
print(pcall(function() local q = {1, k = nil .. "x"} return q end))
print(pcall(function() local q = {k = 1, (nil)()} return q end))

-- the constructor as an argument and in a loop: fresh tables each time
local all = {}
for i = 1, 3 do all[i] = {i, i * 2, name = "n" .. i} end
all[1].name = "changed"; all[2][1] = -1
for i = 1, 3 do print(all[i][1], all[i][2], all[i].name, #all[i]) end
print(select("#", {f(1), x = 1}), #{f(7), s = "x", nil})
