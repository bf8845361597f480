-- string.dump and loading binary chunks: modes, fresh upvalues, the first upvalue gets env
local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), d:byte(1) == 27, d:sub(2, 4))
local f = load(d, "dumped", "b")
print(f(2, 3))
print(load(d, "x", "t"))
print(load("return 1", "x", "b"))
print(pcall(string.dump, print))
-- upvalues are fresh; the first one gets the environment given to load
local a, b = 20, 30
local x = load(string.dump(function (k)
  if k == "set" then a = 10 + b; b = b + 1 else return a end
end), "", "b", nil)
print(x())
print(debug.setupvalue(x, 1, "hi"), x())
print(debug.setupvalue(x, 2, 10), x("set"), x())
-- a dumped function using globals sees the new environment
local g = load(string.dump(function() return tostring(v) .. "!" end), "g", "b", {tostring = tostring, v = 42})
print(g())
local h = load(string.dump(function(...) return select('#', ...), ... end, true))
print(h(1, nil, 3))
