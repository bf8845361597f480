-- Argument errors of getfenv/setfenv.
print(pcall(getfenv, 100))
print(pcall(getfenv, -1))
print(pcall(setfenv, print, {}))
print(pcall(setfenv, 1, 2))
print(pcall(setfenv, "x", {}))
print(pcall(getfenv, {}))
print(pcall(setfenv))
print(select('#', setfenv(0, _G)))
