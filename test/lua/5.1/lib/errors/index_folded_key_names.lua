-- The key in an 'attempt to index' or arithmetic message, as lua5.1's
-- compiler folds it: t[nil or "x"] is t.x. (Found by the fuzzer.)
local G = {}
local v = 1
print(pcall(function() return ("x")[(-0)].y end))
print(pcall(function() return (type(v))[("a,b,,c" and nil or 0x10)] + 1 end))
print(pcall(function() return G[nil or "name"] + 1 end))
print(pcall(function() return G[1 + 2] + 1 end))
print(pcall(function() return G[2^2] + 1 end))
print(pcall(function() return G[255 + 1] + 1 end))
print(pcall(function() return G[-1] + 1 end))
print(pcall(function() return G[v and 3] + 1 end))
print(pcall(function() return G["a" .. "b"] + 1 end))
print(pcall(function() return G[(1 and "k")] + 1 end))
print(pcall(function() return G[false or "k2"].z end))
print(pcall(function() return G[16].z end))
