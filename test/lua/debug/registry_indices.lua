-- the registry holds the main thread at LUA_RIDX_MAINTHREAD (1) and the
-- globals table at LUA_RIDX_GLOBALS (2)
local r = debug.getregistry()
print(type(r[1]), r[1] == coroutine.running(), r[2] == _G)
print(coroutine.status(r[1]), #r >= 2)
local co = coroutine.create(function()
  print(r[1] == coroutine.running(), coroutine.status(r[1]))
  return r[2] == _G
end)
print(coroutine.resume(co))
local f = load("return ...", "x", "t", {})
print(r[2] == _G, r[2]._G == _G)
