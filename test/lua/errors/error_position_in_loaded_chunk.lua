local f = load('local t = nil\nreturn t.x', '=mychunk')
print(pcall(f))
local g = load('error("e", 2)', '=inner')
print(pcall(g))
local function caller() g() end
print(pcall(caller))
