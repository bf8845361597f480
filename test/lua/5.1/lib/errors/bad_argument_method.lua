-- argument errors of methods count from the first argument after self
local s = "abc"
print(pcall(function() return s:rep({}) end))
print(pcall(function() return s:sub() end))
print(pcall(function() return ("x").rep() end))
local f = io.stdout
print(pcall(function() return f:seek("bogus") end))
print(pcall(function() return f.seek(nil) end))
s:find({})
