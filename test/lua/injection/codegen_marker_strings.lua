-- Strings shaped like the code generator's placeholders and line markers
-- (@W@, @CLR@, @TOP@, @TOPEND@, `yield* $index(`, `/*@12*/`...) are data like
-- any other: returned from functions, compared, concatenated, used as table
-- keys, built at run time, in long strings. Plain calls (direct code).
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
