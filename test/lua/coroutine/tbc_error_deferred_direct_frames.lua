-- An error that ends a coroutine leaves the to-be-closed variables of
-- direct-mode frames (Lua functions called by library functions: a sort
-- comparator, a gsub callback, a __lt or __tostring metamethod, deep
-- recursion there) open too, like those of the coroutine's own frames:
-- lua5.4 runs them only at coroutine.close, innermost first, with the error,
-- where they cannot yield. resume returns the original error (a __close
-- that fails only changes what close returns).
local function C(name, fail)
  return setmetatable({name = name}, {__close = function(o, e)
    print("close", o.name, type(e) == "table" and ("table " .. tostring(e.tag)) or e,
      coroutine.isyieldable(), coroutine.status(coroutine.running()))
    if fail ~= nil then error(fail, 0) end
  end})
end

local function run(label, f, ...)
  local co = coroutine.create(f)
  local ok, e = coroutine.resume(co, ...)
  print(label, "resume:", ok, type(e) == "table" and ("table " .. tostring(e.tag)) or e, coroutine.status(co))
  print(label, "-- close")
  local ok2, e2 = coroutine.close(co)
  print(label, "close:", ok2, type(e2) == "table" and ("table " .. tostring(e2.tag)) or e2, coroutine.status(co))
  print(label, "again:", coroutine.close(co))
end

-- a sort comparator's variable, then the body's
run("sort", function()
  local x <close> = C("body")
  table.sort({3, 2, 1}, function(a, b)
    local s <close> = C("comparator")
    error("cmp err")
  end)
end)

-- a gsub callback with nested blocks; a table as the error
run("gsub", function()
  local x <close> = C("body")
  string.gsub("abc", "%w", function(c)
    local s1 <close> = C("cb1")
    do
      local s2 <close> = C("cb2")
      error({tag = "G"})
    end
  end)
end)

-- a __close that fails while coroutine.close runs them: its error replaces
-- the error for the next ones and is what close returns; resume still
-- returned the original error
run("failing", function()
  local x <close> = C("outer")
  string.gsub("a", "a", function()
    local y <close> = C("mid", {tag = "midErr"})
    local z <close> = C("inner")
    error("orig", 0)
  end)
end)

-- a __lt metamethod called by sort, a __tostring called by tostring
local lt = {__lt = function(a, b) local l <close> = C("lt"); error({tag = "LT"}) end}
run("lt", function()
  local o <close> = C("body")
  table.sort({setmetatable({}, lt), setmetatable({}, lt)})
end)
run("tostring", function()
  local o <close> = C("body")
  return tostring(setmetatable({}, {__tostring = function() local m <close> = C("ts"); error("ts err", 0) end}))
end)

-- recursion deep enough to leave the JS stack, inside a comparator
local function rec(n)
  local t <close> = (n % 10000 == 0) and C("rec" .. n) or nil
  if n == 0 then error("bottom", 0) end
  return rec(n - 1) + 0
end
run("deep", function()
  local x <close> = C("body")
  table.sort({1, 2}, function(a, b) return rec(20000) end)
end)

-- a library function as the body
run("host body", string.gsub, "ab", "%w", function(c) local h <close> = C("hb-" .. c); error("hb", 0) end)

-- a yield across the C boundary kills it; a __close that yields when close
-- runs it fails the same way
run("yield", function()
  local o <close> = C("body")
  string.gsub("x", "x", function()
    local q <close> = setmetatable({}, {__close = function(_, e) print("q closing", e); coroutine.yield(1) end})
    local g <close> = C("cb")
    coroutine.yield()
  end)
end)

-- error values that are not strings
for _, v in ipairs({42, false, true}) do
  run("value " .. tostring(v), function()
    string.gsub("x", "x", function() local q <close> = C("val"); error(v) end)
  end)
end
run("value nil", function()
  string.gsub("x", "x", function() local q <close> = C("nil"); error(nil) end)
end)

-- never closed: they never run, not even when it is collected
do
  local co = coroutine.create(function()
    string.gsub("x", "x", function() local q <close> = C("garbage"); error("G", 0) end)
  end)
  print("never closed:", coroutine.resume(co))
end
collectgarbage()
collectgarbage()
print("end")
