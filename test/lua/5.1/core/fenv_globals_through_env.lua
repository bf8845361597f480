-- Globals read and written through a changed environment, with metatables.
local log = {}
local env = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k return _G[k] end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k rawset(t, k, v) end,
})
local function body()
  y = 1
  y = y + 1
  return y, type(print)
end
setfenv(body, env)
print(body())
print(table.concat(log, ","), y, rawget(env, "y"))
local _ENV = {}
print(_ENV ~= nil, type(_ENV))
