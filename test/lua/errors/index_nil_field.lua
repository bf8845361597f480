local t = {}
print(pcall(function() return t.x.y end))
print(pcall(function() return t.a.b.c end))
print(pcall(function() t.x.y = 1 end))
print(pcall(function() local v return v.k end))
print(pcall(function() return undefinedglobal.k end))
print(pcall(function() return t[1][2] end))
print(pcall(function() local s = 'k' return t[s].z end))
