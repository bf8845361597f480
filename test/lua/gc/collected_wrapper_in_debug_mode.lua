-- A coroutine.wrap function called from code running on the trampoline
-- (here: debug mode, a line hook is set) is collectable once dropped: the
-- machine must not keep the functions of frames it popped.
local C = setmetatable({}, {__mode = "kv"})
debug.sethook(function () end, "l")
local x = coroutine.wrap(function ()
  local a = 10
  local function f () a = a + 10; return a end
  while true do
    a = a + 1
    coroutine.yield(f)
  end
end)
C[1] = x
local f = x()
print(f(), x()(), x() == f)
x = nil
collectgarbage()
debug.sethook()
print(C[1] == nil, f(), f())
