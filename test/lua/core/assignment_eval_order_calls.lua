local log = {}
local function L(name, v) log[#log + 1] = name return v end
local t = {}
t[L('k1', 1)], t[L('k2', 2)] = L('v1', 'a'), L('v2', 'b')
print(table.concat(log, ' '))
print(t[1], t[2])
log = {}
local r = L('a', 1) + L('b', 2) * L('c', 3)
print(r, table.concat(log, ' '))
log = {}
local u = {L('x', 1), L('y', 2), k = L('z', 3)}
print(table.concat(log, ' '))
