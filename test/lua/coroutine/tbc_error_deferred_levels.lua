-- A coroutine an error ended keeps its stack for debug.traceback and
-- getinfo until coroutine.close (lua_closethread) empties it; its
-- variables, in nested blocks and nested calls, wait until then.
local function C(name)
  return setmetatable({name = name}, {__close = function(o, e) print("close", o.name, e) end})
end
local function f3() local z <close> = C("f3"); error("in f3") end
local function f2() local y <close> = C("f2"); do local w <close> = C("f2 block"); f3() end end
local co = coroutine.create(function() local x <close> = C("body"); f2() end)
print(coroutine.resume(co))
print(coroutine.status(co), debug.getinfo(co, 0) ~= nil, debug.getinfo(co, 1) ~= nil)
print(coroutine.resume(co))
print(coroutine.close(co))
print(coroutine.status(co), debug.getinfo(co, 0) ~= nil, debug.getinfo(co, 1) ~= nil)
print(coroutine.close(co))

-- the same through wrap, which closes it
local inner
local w = coroutine.wrap(function()
  inner = coroutine.running()
  local x <close> = C("wrapped")
  local function g() error("y") end
  g()
end)
print(pcall(w))
print(coroutine.status(inner), debug.getinfo(inner, 0) ~= nil, coroutine.close(inner))

-- an error that is a table: the same table reaches every __close and close's result
local err = {}
co = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function(_, e) print("a gets the error", e == err) end})
  string.gsub("x", "x", function()
    local b <close> = setmetatable({}, {__close = function(_, e) print("b gets the error", e == err) end})
    error(err)
  end)
end)
local ok, e = coroutine.resume(co)
print(ok, e == err)
local ok2, e2 = coroutine.close(co)
print(ok2, e2 == err)
