-- load takes a reader function only; chunk name default "=(load)"
print(pcall(load, "return 1"))
print(pcall(load))
print(pcall(load, 42))
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
print(type(load(function() return nil end)))
local done = false
print(load(function() if done then return nil end done = true return "syntax(" end))
done = false
print(load(function() if done then return "" end done = true return "return 'empty ends'" end)())
print(pcall(load, function() return {} end))
print(pcall(load, function() return true end))
done = false
print(load(function() if done then return nil end done = true return "x=" end, "=custom"))
done = false
print(load(function() if done then return nil end done = true return "x=" end, "@f.lua"))
local n = 0
local f = load(function() n = n + 1 if n == 1 then return 42 end end)
print(type(f), f and f())
print(load(function() error("reader failed") end))
print(pcall(load, function() error("reader failed in pcall") end))
