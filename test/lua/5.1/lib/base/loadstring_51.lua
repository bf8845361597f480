-- loadstring: chunk names, syntax errors, runs in the global environment
local f = loadstring("return 1 + ...")
print(f(2))
print(loadstring("x = ", "=mychunk"))
print(loadstring("syntax error here"))
print(type(loadstring("return", "@file.lua")))
print(type(loadstring("error('in chunk')", "named")))
print(pcall(loadstring("error('in chunk')", "named")))
print(pcall(loadstring("error('in chunk')", "=named")))
print(pcall(loadstring("error('x')")))
print(pcall(loadstring))
print(pcall(loadstring, {}))
g = "global"
print(loadstring("return g")())
local long = "return '" .. string.rep("x", 80) .. "' .. nil"
print(pcall(loadstring(long)))
print(type(loadstring("return 1\n+ nil\n")))
print(pcall(loadstring("local a = 1\nreturn a + nil\n")))
print(loadstring(string.dump(function() return "dumped" end))())
