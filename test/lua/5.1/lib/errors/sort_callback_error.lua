-- a runtime error in a function called by table.sort, uncaught
local t = {{}, {}, {}}
table.sort(t, function(a, b) return a.x < b.x end)
