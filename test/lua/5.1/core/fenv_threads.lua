-- Level 0 is the running thread's global table; new threads inherit it.
local saved = _G
local co = coroutine.create(function()
  local mine = setmetatable({}, {__index = saved})
  setfenv(0, mine)
  coroutine.yield(getfenv(0) == mine, getfenv(1) == saved)
  local inner = coroutine.create(function() return getfenv(0) == mine end)
  return select(2, coroutine.resume(inner))
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(getfenv(0) == _G)
