-- getfenv/setfenv on functions; closures copy their creator's environment.
x = "global"
local function f() return x end
print(f(), getfenv(f) == _G, getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
local env = {x = "private"}
print(setfenv(f, env) == f, f(), x, getfenv(f) == env)
local function maker() return function() return x end end
setfenv(maker, {x = "maker's"})
local made = maker()
print(made(), getfenv(made) == getfenv(maker))
setfenv(maker, {x = "changed"})
print(made(), maker()())
print(getfenv(print) == _G, getfenv(string.format) == _G)
local g = loadstring("return x")
print(g(), getfenv(g) == _G)
setfenv(g, {x = 42})
print(g())
