-- In debug mode (this chunk mentions sethook), frames called by the trampoline
-- keep-traceback
-- are named as lua names them: metamethods, locals, methods.
local function func2close(f) return setmetatable({}, {__close = f}) end
local function foo(...)
  local x123 <close> = func2close(function () error("@x123") end)
end
local st, msg = xpcall(foo, debug.traceback)
print(st, msg)
local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end,
                            __newindex = function(t, k, v) error("nidx " .. k) end})
print(xpcall(function() return t.a end, debug.traceback))
print(xpcall(function() t.b = 1 end, debug.traceback))
local obj = {}
function obj:m() error("in method") end
print(xpcall(function() obj:m() end, debug.traceback))
