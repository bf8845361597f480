-- debug library: function info, metatables, hooks, upvalues, tracebacks
local debug = require "debug"
print(type(debug), debug == require("debug"))

local function f(a, b, ...) local c = a return b end
local function g(x) return x end
local up1, up2 = 10, 20
local function h() return up1 + up2 end

local function show(t, keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. tostring(t[k]) end
  print(table.concat(out, " "))
end
local keys = {"source", "short_src", "what", "linedefined", "lastlinedefined", "currentline",
  "nups", "nparams", "isvararg", "namewhat", "name", "istailcall", "ftransfer", "ntransfer"}
show(debug.getinfo(f), keys)
show(debug.getinfo(g, "S"), keys)
show(debug.getinfo(h, "u"), keys)
show(debug.getinfo(print), keys)
print(debug.getinfo(f, "f").func == f)
local main = debug.getinfo(1, "S")
show(main, keys)

-- levels
local function where()
  local i = debug.getinfo(1, "Sl")
  local c = debug.getinfo(2, "l")
  return i.currentline, i.what, i.linedefined, c.currentline
end
print(where())
local function named() return debug.getinfo(1, "n") end
local n = named()
print(n.name, n.namewhat)
local t = { m = function() return debug.getinfo(1, "n") end }
n = t.m()
print(n.name, n.namewhat)
show(debug.getinfo(0, "Sn"), keys)
print(debug.getinfo(100))
print(pcall(debug.getinfo, 1, ">"))
print(pcall(debug.getinfo, 1, "x"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo))

-- locals of a function value
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3), debug.getlocal(f, -1))
print(debug.getlocal(print, 1))
print(pcall(debug.getlocal, 100, 1))

-- metatables
print(debug.getmetatable(1), debug.getmetatable({}))
print(debug.getmetatable("x").__index == string)
local mt = {__metatable = "locked"}
local tt = setmetatable({}, mt)
print(getmetatable(tt), debug.getmetatable(tt) == mt)
print(debug.setmetatable(tt, nil) == tt, getmetatable(tt))
print(debug.setmetatable(10, {__index = function(n, k) return k .. n end}))
print((5).abc)
debug.setmetatable(10, nil)
print(pcall(function() return (5).abc end))
debug.setmetatable(nil, {__len = function() return 42 end})
print(#nil)
debug.setmetatable(nil, nil)
print(pcall(debug.setmetatable, 1, 2))
print(type(debug.getregistry()))

-- user values
print(debug.getuservalue(1), debug.getuservalue({}))
print(pcall(debug.setuservalue, {}, 1))
print(debug.getuservalue(io.stdout))

-- hooks
print(debug.gethook())
local hk = function() end
debug.sethook(hk, "lcr", 3)
local a1, a2, a3 = debug.gethook()
print(a1 == hk, a2, a3)
debug.sethook(hk, "")
print(debug.gethook())
debug.sethook()
print(debug.gethook())

-- upvalues
print(debug.getupvalue(h, 1), debug.getupvalue(h, 2), debug.getupvalue(h, 3))
print(debug.setupvalue(h, 1, 100), h(), up1)
print(debug.getupvalue(print, 1))
print(select('#', debug.getupvalue(g, 1)))
print(debug.upvalueid(h, 1) == debug.upvalueid(h, 1), debug.upvalueid(h, 1) == debug.upvalueid(h, 2))
local function h2() return up1 end
print(debug.upvalueid(h, 1) == debug.upvalueid(h2, 1))
print(type(debug.upvalueid(h, 1)))
print(pcall(debug.upvalueid, h, 5))
print(pcall(debug.getupvalue, 1, 1))
local chunk = load("return x")
print(debug.getupvalue(chunk, 1) , type(select(2, debug.getupvalue(chunk, 1))))
print(debug.setupvalue(chunk, 1, {x = 7}), chunk())

-- tracebacks
print(debug.traceback(12))
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
print(debug.traceback("msg"))
print(debug.traceback("msg", 2))
print(debug.traceback(nil))
local function lvl3() return debug.traceback("deep", 1) end
local function lvl2() local s = lvl3() return s end
print(lvl2())
print(debug.setcstacklimit(100))
