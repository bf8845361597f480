-- Only an error that ends its coroutine leaves to-be-closed variables to
-- coroutine.close: under a protected call begun inside the coroutine (a
-- pcall in a comparator, in deep recursion, load's reader, a coroutine
-- resumed inside it) they close as the error passes, as in lua5.4.
local function C(name, fail)
  return setmetatable({name = name}, {__close = function(o, e)
    print("close", o.name, e, coroutine.isyieldable(), coroutine.status(coroutine.running()))
    if fail ~= nil then error(fail, 0) end
  end})
end

-- pcall called by a comparator
local co = coroutine.create(function()
  local x <close> = C("body")
  table.sort({1, 2}, function(a, b)
    print("pcall:", pcall(function() local p <close> = C("under pcall"); error("caught", 0) end))
    return a < b
  end)
  error("after", 0)
end)
print(coroutine.resume(co))
print("-- close")
print(coroutine.close(co))

-- load's reader runs protected
co = coroutine.create(function()
  local x <close> = C("body")
  print("load:", load(function() local r <close> = C("reader"); error("rd", 0) end))
  error("after load", 0)
end)
print(coroutine.resume(co))
print("-- close")
print(coroutine.close(co))

-- recursion deep enough to leave the JS stack, under a pcall in a comparator, then not
local function rec(n, f)
  local t <close> = (n % 10000 == 0) and C("rec" .. n) or nil
  if n == 0 then return f() end
  return rec(n - 1, f) + 0
end
co = coroutine.create(function()
  local x <close> = C("body")
  table.sort({1, 2}, function(a, b)
    print(pcall(rec, 20000, function() error("deep caught", 0) end))
    return rec(20000, function() error("deep uncaught", 0) end)
  end)
end)
print(coroutine.resume(co))
print("-- close")
print(coroutine.close(co))

-- a coroutine resumed by a comparator dies; closing it there runs its
-- variables; the outer one goes on, yields, and later dies itself
local outer = coroutine.create(function()
  local o <close> = C("outer")
  table.sort({1, 2}, function(a, b)
    local inner = coroutine.create(function()
      local i <close> = C("inner body")
      string.gsub("x", "x", function() local g <close> = C("inner callback"); error("inner dies", 0) end)
    end)
    print("inner:", coroutine.resume(inner))
    print("inner close:", coroutine.close(inner))
    return a < b
  end)
  coroutine.yield("outer yielded")
  error("outer dies", 0)
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
print("-- close")
print(coroutine.close(outer))

-- coroutine.close of a dead coroutine from inside another coroutine, itself
-- inside a gsub callback; a __close with a variable of its own that fails
local B = coroutine.create(function()
  local b1 <close> = setmetatable({}, {__close = function(_, e)
    print("b1 closing", e)
    local inside <close> = C("inside b1's __close")
    error("b1 failed", 0)
  end})
  string.gsub("x", "x", function() local b2 <close> = C("b2"); error("B dies", 0) end)
end)
print(coroutine.resume(B))
local A = coroutine.wrap(function()
  string.gsub("y", "y", function()
    local a1 <close> = C("a1")
    print("A closes B:", coroutine.close(B))
    print("B:", coroutine.status(B), coroutine.close(B))
    error("A dies", 0)
  end)
end)
print(pcall(A))

-- a __close run by coroutine.close cannot close its own coroutine
local self
self = coroutine.create(function()
  string.gsub("x", "x", function()
    local s <close> = setmetatable({}, {__close = function(_, e) print("self closing", e, pcall(coroutine.close, self)) end})
    error("S", 0)
  end)
end)
print(coroutine.resume(self))
print(coroutine.close(self))
