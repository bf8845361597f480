-- getinfo of a library closure with upvalues (gmatch's iterator).
local it = string.gmatch("abc", "a")
local t = debug.getinfo(it, "u")
print(t.isvararg, t.nparams, t.nups > 0, debug.getupvalue(it, 1))
t = debug.getinfo(print, "u")
print(t.isvararg, t.nparams, t.nups)
