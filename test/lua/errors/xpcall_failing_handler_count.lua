-- a message handler that fails is called again on its own error, one C
-- level deeper each time, until lua5.4 gives up ("error in error
-- handling"): the same number of calls, the same messages on the way
local n, seen
local function run(label, f, handler, ...)
  n, seen = 0, {}
  local r = table.pack(xpcall(f, function(m)
    n = n + 1
    -- messages without positions (a runtime error's C stack overflow has
    -- one in lua5.4), tables as 'table'
    local s = type(m) == "string" and m:gsub("[^:%s]+:%d+: ", "") or type(m)
    if not seen[s] then seen[s] = n end
    return handler(m)
  end, ...))
  local firsts = {}
  for s, i in pairs(seen) do firsts[#firsts + 1] = i .. ":" .. s end
  table.sort(firsts, function(a, b) return tonumber(a:match("^%d+")) < tonumber(b:match("^%d+")) end)
  print(label, r.n, r[1], r[2], n, table.concat(firsts, " | "))
end
run("error again", error, function() error("again") end, "x")
run("rethrow", error, function(m) error(m, 0) end, "x")
run("rethrow with position", error, function(m) error(m) end, "x")
run("runtime error", error, function() local t = nil; return t.x end, "x")
run("error()", error, function() error() end, "x")
run("table error", error, function() error({}) end, "x")
run("gives up at 10", error, function(m) if n < 10 then error(m .. n, 0) end return "ok " .. m end, "x")
run("ok", error, function(m) return "handled " .. tostring(m) end, "x")
run("no error", function() return 1, 2 end, function() error("never") end)
-- the raise one C level deeper
run("in pcall", function() return select(2, pcall(error, "y")) end, function() error("again") end)
run("via pcall'd error", function() local ok, e = pcall(error, "y"); error(e, 0) end, function() error("again") end)
-- an xpcall running inside library callbacks (higher C levels)
local out = {}
table.sort({3, 2, 1}, function(a, b)
  if #out == 0 then
    out[1] = true
    run("in sort", error, function() error("again") end, "z")
  end
  return a < b
end)
local _ = ("x"):gsub("x", function() run("in gsub", error, function() error("again") end, "w") end)
-- the original error is a C stack overflow
local function deep() return (("x"):gsub("x", deep)) end
run("C overflow", deep, function(m) error(m, 0) end)
run("C overflow, handled", deep, function(m) return "handled" end)
-- a handler that overflows the Lua stack
local function loop(x) return 1 + loop(x) end
run("overflowing handler", error, loop, "x")
-- nested xpcalls with failing handlers
run("nested", function()
  return xpcall(error, function() error("inner") end, "in")
end, function() error("outer") end)
-- after overflowing, the handler runs once more: it may still answer
run("overflow, then answer", error, function(m)
  if type(m) == "string" and m:find("stack overflow") then return "answered" end
  return loop(m)
end, "x")
