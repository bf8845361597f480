-- The strings of codegen_marker_strings.lua (shaped like the code generator's
-- placeholders and line markers) inside coroutines, where the resumable
-- variants of the same functions run; and runtime helpers calling metamethods
-- that yield, with such strings around them.
local function checks(how)
  print("-- " .. how)
  local function w() return "@W@" end
  local function clr() return "@CLR@" end
  local function top() return "@TOP@" end
  local function topend() return "@TOPEND@" end
  local function yi() return "yield* $index(" end
  local function ya() return "yield* $arithG(" end
  local function m12() return "/*@12*/" end
  local function m34() return "/*@3#4*/" end
  local function nl5() return "\n/*@5*/" end
  local function long() return [[@W@@CLR@@TOP@@TOPEND@yield* $index(yield* $arithG(/*@12*//*@3#4*/]] end
  local function longnl() return [==[
  @W@
  /*@5*/
  /*@3#4*/ yield* $index(x)
  @TOPEND@]==] end
  local function several() return "@W@", '@CLR@', "@TOP@", '@TOPEND@' end

  local all = {w(), clr(), top(), topend(), yi(), ya(), m12(), m34(), nl5(), long(), longnl()}
  for i, s in ipairs(all) do print(i, #s, s) end
  print(several())
  print(select('#', several()), (select(4, several())))

  -- in expressions
  print(w() == "@W@", w() .. clr(), #topend(), yi() < ya(), ("@W@"):rep(3, "@CLR@"))
  print(("@CLR@"):upper(), ("@TOPEND@"):lower(), ("/*@12*/"):sub(3, -3), ("yield* $index("):find("$", 1, true))
  print(("yield* $index(a, b)"):gsub("%$(%w+)%(", "<%1>"), ("/*@3#4*/"):match("@(%d+)#(%d+)"))
  print(string.format("%q", nl5()), string.format("%s|%s", m12(), m34()))
  local n = 0
  for _ in (long() .. longnl()):gmatch("@") do n = n + 1 end
  print(n, #long() + #longnl())

  -- as table keys: constructors (record, keyed, positional), stores, lookups
  local t = {["@W@"] = 1, ["@CLR@"] = 2, ["@TOP@"] = 3, ["@TOPEND@"] = 4, ["yield* $index("] = 5,
    ["yield* $arithG("] = 6, ["/*@12*/"] = 7, ["/*@3#4*/"] = 8, ["\n/*@5*/"] = 9}
  print(t["@W@"], t[w()], t[clr()], t["@TOP@"], t[topend()], t[yi()], t[ya()], t[m12()], t["/*@3#4*/"], t[nl5()])
  local u = {"@W@", "@CLR@", [3] = "@TOPEND@", ["yield* $index("] = "/*@12*/", several()}
  print(#u, u[1], u[2], u[3], u[4], u[5], u[6], u["yield* $index("])
  local v = {}
  v["@W@"] = "@CLR@"; v[top()] = topend(); v["yield* $arithG("] = v["@W@"] .. v["@TOP@"]
  v[m34()] = 34; v["/*@12*/"] = (v[m34()] or 0) + 1
  print(v["@W@"], v["@TOP@"], v[ya()], v["/*@3#4*/"], v[m12()])
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys)
  print(table.concat(keys, " | "))

  -- built at run time: the same values
  local built = {string.rep("@", 2, "W"), "@" .. "CLR" .. "@", table.concat({"@", "TOP", "@"}), ("@%s@"):format("TOPEND"),
    "yield* " .. "$index(", table.concat({"yield*", "$arithG("}, " "), ("/*@%d*/"):format(12),
    "/*@" .. 3 .. "#" .. 4 .. "*/", "\n" .. "/*@5*/"}
  for i, s in ipairs(built) do print(i, s == all[i], t[s], rawequal(s, all[i])) end
  print(string.rep("@W@", 3, "@CLR@"), string.rep("/*@3#4*/", 2))

  -- in error values and messages
  print(pcall(error, "@W@"))
  local ok, e = pcall(error, {"@TOPEND@"}); print(ok, e[1])
  print(select(2, pcall(function() return "@CLR@" + 1 end)))
  print(select(2, pcall(function() local s = "yield* $index("; return s < 1 end)))
  print(select(2, pcall(function() local s = "/*@12*/"; return #s .. s .. nil end)))
  print(select(2, pcall(function()
    local s = "\n/*@5*/" .. "/*@3#4*/"
    local nothing = nil
    return s .. nothing
  end)))
  print(select(2, pcall(function() local x = {} ; return x["@W@"]["@TOP@"] end)))

  -- compiled at run time
  print(load("return '@W@', \"@CLR@\", [[@TOPEND@]], '/*@3#4*/'")())
  print(load("local function f() return 'yield* $index(' end return f()")())
  print(pcall(load("error('@TOP@')", "=@W@")))
  print(load("return ...", "=/*@12*/")("\n/*@5*/"))

  -- a call whose arguments span lines, with marker-shaped strings in between
  print("/*@3#4*/",
    "@W@", m12(),
    "\n/*@5*/" .. yi())
end

coroutine.wrap(checks)("coroutine.wrap")
local co = coroutine.create(checks)
print(coroutine.resume(co, "coroutine.resume"))
print(coroutine.status(co))

-- runtime helpers that call metamethods (which yield) with marker-shaped
-- strings around them: the values, and the line each suspended frame waits at
local function line(level) return debug.getinfo(level + 1, "l").currentline end
local mt = {}
mt.__index = function(t, k) coroutine.yield("index", k, line(2)) return k .. "!" end
mt.__newindex = function(t, k, v) coroutine.yield("newindex", k, v, line(2)) end
mt.__concat = function(a, b) coroutine.yield("concat", type(a), type(b), line(2)) return "/*@3#4*/" end
mt.__add = function(a, b) coroutine.yield("add", line(2)) return "@W@" end
mt.__unm = function(a) coroutine.yield("unm", line(2)) return "@CLR@" end
mt.__eq = function(a, b) coroutine.yield("eq", line(2)) return true end
mt.__lt = function(a, b) coroutine.yield("lt", line(2)) return true end
mt.__le = function(a, b) coroutine.yield("le", line(2)) return false end
mt.__len = function(a) coroutine.yield("len", line(2)) return 7 end
mt.__close = function(a) coroutine.yield("close", line(2)) end
local co = coroutine.create(function()
  local x, y = setmetatable({}, mt), setmetatable({}, mt)
  local a = x["yield* $index("] .. "/*@12*/"
  local b = "/*@12*/" .. x
  local c = "yield* $arithG(" .. "/*@3#4*/" .. x
  local d = x + "yield* $arithG(1, 2)"
  local e = -x, "@TOPEND@"
  local f = x == y, "/*@12*/" == "@W@"
  local g = "\n/*@5*/" < "@TOP@", x < y, x <= y
  local h = "#/*@3#4*/", #x
  x["yield* $setindexG("] = "/*@12*/"
  local key = [==[x
/*@5*/]==]
  local i = x["@CLR@"] .. x[key] .. x["/*@3#4*/"]
  do local z <close> = x; local s = "@TOPEND@ yield* $tbcCloseG(" end
  return a, b, c, d, e, f, g, h, i
end)
while true do
  local r = table.pack(coroutine.resume(co))
  if coroutine.status(co) == "dead" then print(table.unpack(r, 1, r.n)) break end
  print(table.unpack(r, 1, r.n))
  print("", debug.getinfo(co, 1, "l").currentline, debug.getinfo(co, 2, "l").currentline)
end
