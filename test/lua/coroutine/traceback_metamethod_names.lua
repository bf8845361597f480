-- Inside a coroutine, a message handler's traceback names the metamethod
-- keep-traceback
-- that raised the error, and the coroutine's stack ends at its body.
local env = setmetatable({}, {__newindex = function() error("hi") end,
                              __index = function(_, k) error("no " .. k) end})
local f = load("X = 1", "=chunk", "t", env)
local g = load("return Y", "=chunk2", "t", env)
coroutine.wrap(function()
  local ok, m = xpcall(f, debug.traceback)
  print(ok, m)
  ok, m = xpcall(g, debug.traceback)
  print(ok, m)
end)()
