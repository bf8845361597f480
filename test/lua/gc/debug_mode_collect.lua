-- This chunk mentions debug.sethook, so its functions run instrumented on
-- the trampoline: what a call returned (or was given) must not stay
-- reachable from the machine once the Lua code has dropped it.
local log = {}
local function mark(name) return {__gc = function () log[#log + 1] = name end} end
setmetatable({}, mark("statement"))
collectgarbage()
print(table.concat(log, " "))
local u = setmetatable({}, mark("local"))
u = nil
collectgarbage()
print(table.concat(log, " "))
local co = coroutine.wrap(function ()
  local w = setmetatable({}, mark("in a coroutine"))
  w = nil
  collectgarbage()
  coroutine.yield(table.concat(log, " "))
end)
print(co())
