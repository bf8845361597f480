-- coroutine.wrap closes a coroutine an error ended before propagating the
-- error (lua_closethread): the to-be-closed variables it left open, in
-- direct-mode frames too, run then, innermost first, with the error; one
-- that fails replaces the error that propagates.
local function C(name, fail)
  return setmetatable({name = name}, {__close = function(o, e)
    print("close", o.name, type(e) == "table" and ("table " .. tostring(e.tag)) or e,
      coroutine.isyieldable(), coroutine.status(coroutine.running()))
    if fail ~= nil then error(fail, 0) end
  end})
end

local w = coroutine.wrap(function()
  local x <close> = C("body")
  table.sort({1, 2, 3}, function(a, b) local y <close> = C("comparator"); error({tag = "W"}) end)
end)
local ok, e = pcall(w)
print("wrap:", ok, type(e), e.tag)
print(pcall(w))

w = coroutine.wrap(function()
  local a <close> = C("wa")
  string.gsub("x", "x", function() local b <close> = C("wb", "wb failed"); error("W", 0) end)
end)
print(pcall(w))

-- the variables of the coroutine's own frames and of a callback, in nested calls
local function inner()
  local i <close> = C("inner")
  string.gsub("x", "x", function() local c <close> = C("callback"); error("deep", 0) end)
end
w = coroutine.wrap(function()
  local o <close> = C("outer")
  inner()
end)
print(pcall(w))

-- a wrap called from inside another coroutine: its variables close when the
-- call fails, the calling coroutine's when it dies in turn and is closed
local outer = coroutine.create(function()
  local o <close> = C("caller")
  local w2 = coroutine.wrap(function()
    string.gsub("x", "x", function() local c <close> = C("wrapped"); error("inner", 0) end)
  end)
  print("inner call:", pcall(w2))
  w2()
end)
print(coroutine.resume(outer))
print("-- close")
print(coroutine.close(outer))
