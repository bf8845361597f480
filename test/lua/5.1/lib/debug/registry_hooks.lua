-- registry, gethook without a hook, getlocal on a function's parameters, upvalues
print(type(debug.getregistry()), debug.gethook())
local up1, up2 = 1, "two"
local function f(a, b) return up1, up2 end
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 3))
print(debug.setupvalue(f, 1, 10), f())
print(debug.getupvalue(print, 1))
print(pcall(debug.getupvalue, f))
print(debug.getmetatable(1), debug.getmetatable({}))
