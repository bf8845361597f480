-- sort's comparison of incompatible values, uncaught
local t = {3, "x", 1}
table.sort(t)
