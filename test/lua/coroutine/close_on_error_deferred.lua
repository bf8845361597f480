-- an error that ends a coroutine does not close its to-be-closed variables
-- (lua5.4 leaves them to coroutine.close, or to wrap, which closes the
-- coroutine before propagating): a __close that yields then fails with
-- "attempt to yield across a C-call boundary", which replaces the error.
-- Under a pcall inside the coroutine, closing happens at once and may yield.
local function closer(name, yields)
  return setmetatable({}, {__close = function(_, e)
    print("closing " .. name, e, coroutine.isyieldable(), coroutine.status(coroutine.running()))
    if yields then
      print("yield returned", coroutine.yield("from " .. name))
      print("after yield in " .. name)
    end
  end})
end

-- resume: the error comes back, nothing closed yet
local co = coroutine.create(function()
  local a <close> = closer("a", false)
  local b <close> = closer("b", true)
  error("boom")
end)
print(coroutine.resume(co))
print(coroutine.status(co))
-- close runs them now, innermost first, with the error; the yield fails and its error replaces it
print(coroutine.close(co))
print(coroutine.close(co))
print(coroutine.status(co))

-- never closed: a dead coroutine's variables are just left
co = coroutine.create(function()
  local a <close> = closer("never", false)
  error({code = 1})
end)
local ok, e = coroutine.resume(co)
print(ok, type(e), e.code)

-- wrap closes before propagating: the yield's error replaces the original one
local w = coroutine.wrap(function()
  local a <close> = closer("wa", false)
  local b <close> = closer("wb", true)
  error("wboom")
end)
print(pcall(w))
print(pcall(w))

-- an error raised by a __close when closing replaces the error for the next ones
co = coroutine.create(function()
  local a <close> = closer("first", false)
  local b <close> = setmetatable({}, {__close = function(_, e) error("close error: " .. tostring(e), 0) end})
  local c <close> = closer("last", false)
  error("original", 0)
end)
print(coroutine.resume(co))
print(coroutine.close(co))

-- nested function frames: all their variables wait
co = coroutine.create(function()
  local outer <close> = closer("outer", false)
  local function inner()
    local i <close> = closer("inner", true)
    error("deep")
  end
  inner()
end)
print(coroutine.resume(co))
print(coroutine.close(co))

-- under pcall inside the coroutine: closed during the unwinding, and may yield
co = coroutine.create(function()
  print("pcall:", pcall(function()
    local p <close> = closer("p", true)
    error("caught")
  end))
  local q <close> = closer("q", false)
  error("after pcall")
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed value"))
print(coroutine.status(co))
print(coroutine.close(co))

-- xpcall too (a handler that keeps the message: lua5.4 runs it before
-- closing, with its result as the error the variables see)
co = coroutine.create(function()
  print("xpcall:", xpcall(function()
    local x <close> = closer("x", true)
    error("xcaught", 0)
  end, function(m) return m end))
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "again"))

-- returning normally from a coroutine: closes at once, may yield
co = coroutine.create(function()
  local n <close> = closer("normal", true)
  return "ret"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "v"))
print(coroutine.status(co))

-- closing a suspended coroutine: its handlers cannot yield either
co = coroutine.create(function()
  local s <close> = closer("suspended", true)
  coroutine.yield("waiting")
end)
print(coroutine.resume(co))
print(coroutine.close(co))

-- coroutine.close of a suspended coroutine from inside another one: a
-- failing __close there is not left to the closing coroutine
local B = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function(_, e) print("x closing", e) end})
  local y <close> = setmetatable({}, {__close = function(_, e) print("y closing", e); error("y failed", 0) end})
  coroutine.yield("B suspended")
end)
print(coroutine.resume(B))
local A = coroutine.create(function()
  print("close B:", coroutine.close(B))
  local z <close> = setmetatable({}, {__close = function(_, e) print("z closing", e) end})
  error("A dies", 0)
end)
print(coroutine.resume(A))
print(coroutine.close(A))
