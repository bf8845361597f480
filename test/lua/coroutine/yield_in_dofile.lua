-- dofile runs its chunk so that the chunk may yield (lua_callk)
local file = os.tmpname()
local f = assert(io.open(file, "w"))
f:write[[
local x, z = coroutine.yield(10)
local y = coroutine.yield(20)
return x + y * z
]]
assert(f:close())
local co = coroutine.wrap(dofile)
print(co(file))
print(co(100, 101))
print(co(200))
print(pcall(dofile, "/nonexistent/file.lua"))
assert(os.remove(file))
