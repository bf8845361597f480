local env = {x = 5}
local f = load("return x", "chunk", "t", env)
print(f())
print(load("return x", "chunk", "t", nil)())
local g = load("x = 10")
g()
print(x)
print(load("syntax error here"))
print(load("return 1", "=name", "b"))
print(load("\27Lua", "bin", "t"))
print(pcall(load, "return 1", "n", "q"))
local parts = {"return ", "1 ", "+ 2"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
print(load(function() return 1 end))
print(pcall(load, function() error("reader err") end))
print(load("return ...", "varargs")(1, 2, 3))
local up = load("local a = 1; return function() return a end")()
print(debug.getupvalue(up, 1))
