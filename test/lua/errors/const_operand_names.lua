-- Names in error messages when a key or an and/or operand is a <const>
-- local: luac treats it as the constant it holds (t[k] with k <const> =
-- "name" is field 'name'; an integer one is 5.4's "integer index").
local G = {}
local t = {}
local k <const> = "name"
local i <const> = 3
local f <const> = 2.0
local K <const> = 5
print(pcall(function() return t[k] + 1 end))
print(pcall(function() return t[i] + 1 end))
print(pcall(function() return t[f] + 1 end))
print(pcall(function() return t[k].x end))
print(pcall(function() return (i and t.z) + 1 end))
print(pcall(function() return (K and G.l) + 1 end))
print(pcall(function() return (nil or k) + 1 end))
