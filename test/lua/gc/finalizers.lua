-- __gc: order, resurrection, weak tables around finalized objects, errors as
-- warnings. Objects are made inside functions, so that no frame holds them.
local log = {}
local function note(...)
  for i = 1, select("#", ...) do log[#log + 1] = tostring((select(i, ...))) end
end
local function flush() print(table.concat(log, " ")); log = {} end

-- latest marked first; marking is at setmetatable time
local function make(n)
  local objs = {}
  for i = 1, n do objs[i] = setmetatable({id = i}, {__gc = function (o) note(o.id) end}) end
  -- marked in the order 1..n; remarking an already marked object changes nothing
  setmetatable(objs[1], getmetatable(objs[1]))
end
make(5)
collectgarbage()
flush()

-- a metatable given __gc after setmetatable does not mark the object
local function late()
  local mt = {}
  local o = setmetatable({}, mt)
  mt.__gc = function () note("late") end
  local p = setmetatable({}, {__gc = false})   -- any non-nil __gc marks
  getmetatable(p).__gc = function () note("false-then-function") end
end
late()
collectgarbage()
flush()

-- the current __gc is called; removed __gc: nothing called
local function removed()
  local mt = {__gc = function () note("old") end}
  setmetatable({}, mt)
  mt.__gc = function () note("new") end
  local mt2 = {__gc = function () note("never") end}
  setmetatable({}, mt2)
  mt2.__gc = nil
end
removed()
collectgarbage()
flush()

-- resurrection: the finalizer gets the object, with its contents and metatable
local saved
local function resurrect()
  local inner = {x = 42}
  local mt = {}
  mt.__gc = function (o) saved = o; note(getmetatable(o) == mt, o.inner.x, o[1], o.self == nil) end
  setmetatable({inner = inner, "first"}, mt)
end
resurrect()
collectgarbage()
flush()
print(saved.inner.x, saved[1])
-- finalized once: after resurrection no second call
saved = nil
collectgarbage()
flush()

-- setmetatable in the finalizer marks it again
local count = 0
local function again()
  local mt = {}
  mt.__gc = function (o) count = count + 1; if count < 3 then setmetatable(o, mt) end end
  setmetatable({}, mt)
end
again()
for i = 1, 4 do collectgarbage() end
print("finalized", count, "times")

-- weak tables: the finalized object leaves weak values before its finalizer
-- runs, and weak keys only after it (so it can still find its properties)
local wk = setmetatable({}, {__mode = 'k'})
local wv = setmetatable({}, {__mode = 'v'})
local function weak()
  local mt = {__gc = function (o) note("in gc:", wk[o], wv.x == nil) end}
  local o = setmetatable({}, mt)
  wk[o] = "prop"; wv.x = o
end
weak()
collectgarbage()
flush()
local function show() print(type(next(wk)), next(wv)) end
show()
collectgarbage()
show()

-- collectgarbage inside a finalizer fails for every option
local function reentrant()
  setmetatable({}, {__gc = function ()
    note(tostring(collectgarbage()), tostring(collectgarbage("count")), tostring(collectgarbage("step")),
      tostring(collectgarbage("isrunning")), tostring(collectgarbage("incremental")), tostring(collectgarbage("stop")))
    note(pcall(collectgarbage, "bogus"))
  end})
end
reentrant()
collectgarbage()
flush()
print(collectgarbage("isrunning"))

-- errors in __gc are warnings (shown once warnings are on)
local function errors()
  setmetatable({}, {__gc = function () error("silent") end})
end
errors()
collectgarbage()
warn("@on")
local function errors2()
  setmetatable({}, {__gc = function () error("loud") end})
  setmetatable({}, {__gc = function () error({}) end})
  setmetatable({}, {__gc = function () error(42) end})
  setmetatable({}, {__gc = function () error() end})
  setmetatable({}, {__gc = true})
  setmetatable({}, {__gc = function () note("after errors") end})
end
errors2()
collectgarbage()
flush()
print("done")
