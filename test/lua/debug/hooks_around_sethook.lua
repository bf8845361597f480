-- The hook set by sethook sees sethook's own return, and the call of the
-- sethook that removes it; a chunk mentioning sethook is hookable at once.
local b = {}
local function f(x) return x end
debug.sethook(function (e) b[#b + 1] = e end, "cr")
f(1)
debug.sethook()
print(table.concat(b, " "))
b = {}
debug.sethook(function (e, l) b[#b + 1] = l end, "l")
local x = 1
x = x + 1
debug.sethook()
print(table.concat(b, " "))
