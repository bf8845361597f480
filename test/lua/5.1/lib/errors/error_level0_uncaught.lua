-- error with level 0: no position
local function f() error("plain message", 0) end
f()
