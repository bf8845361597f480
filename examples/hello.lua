-- A tiny Lua program: run it with `bin/regolith examples/hello.lua`.
local who = arg and arg[1] or "world"
print(("Hello, %s! (from %s)"):format(who, _VERSION))
