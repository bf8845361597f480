-- string.dump of nested functions: fresh upvalues (the first gets load's
-- env, the others nil, whatever their names), lines, methods, varargs.
local x, y = 10, 20
local function results(ok, ...)
  local t = {tostring(ok)}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    t[#t + 1] = type(v) == "table" and "table" or type(v) == "function" and "function" or tostring(v)
  end
  return table.concat(t, " ")
end
local function show(tag, f, ...)
  print(tag, results(pcall(f, ...)))
  local i = 1
  while true do
    local name, v = debug.getupvalue(f, i)
    if not name then break end
    print("", i, name, type(v))
    i = i + 1
  end
  local info = debug.getinfo(f, "SlLu")
  print("", info.source, info.short_src, info.linedefined, info.lastlinedefined,
        info.nparams, info.isvararg, info.nups)
  local lines = {}
  for l in pairs(info.activelines) do lines[#lines + 1] = l end
  table.sort(lines)
  print("", table.concat(lines, " "))
end

g = "global g"
local function usesGlobalFirst() return g, x end
local function usesLocalFirst() return x, g end
local function noUpvalues(a, b, ...) return a, b, select('#', ...) end
show("global first", load(string.dump(usesGlobalFirst)))
show("local first", load(string.dump(usesLocalFirst)))
show("local first, env", load(string.dump(usesLocalFirst), nil, "b", {g = "mine"}))
show("no upvalues", load(string.dump(noUpvalues)), 1, 2, 3, 4)

-- a method: its `self` is implicit
local obj = {}
function obj:m(a, ...)
  return self, a, ...
end
function obj:n()
  return self
end
show("method", load(string.dump(obj.m)), "s", "a", "b")
show("method, no params", load(string.dump(obj.n)), "s")

-- a function on the first line of its chunk, and one whose `(` is on a later line
local f1 = load("return function (a) return a * 2 end")()
show("first line", load(string.dump(f1)), 21)
local f2 = load("\n\nreturn function\n\n(a)\n  local b = a\n  return\n    b + 1\nend\n", "=spaced")()
show("spaced", load(string.dump(f2)), 1)

-- nested functions come along, with their own upvalues
local function outer(n)
  local function inner(k) if k == 0 then return y end return inner(k - 1) end
  return inner(n) + x
end
show("nested", load(string.dump(outer)), 3)

-- errors keep the positions of the original chunk
local function fails(t)
  local v = t.field
  return v.deeper
end
show("error", load(string.dump(fails)), {})
local function failsField(t)
  return t.field.deeper
end
show("error stripped", load(string.dump(failsField, true)), {})

-- a dump of a loaded dump
local twice = load(string.dump(load(string.dump(usesLocalFirst))))
show("twice", twice)

-- compile-time constants of enclosing functions
local K <const> = 42
local S <const> = "k"
local function usesConst() return K, S, x end
show("constants", load(string.dump(usesConst)))
local function deeper() return function () return K end end
show("constants nested", load(string.dump(deeper())))
show("constants outer", load(string.dump(deeper)))

-- _ENV as an ordinary local of the enclosing function
do
  local load, dump = load, string.dump
  local _ENV = {print = print, h = "h of local env"}
  local function envf() return h end
  show("local _ENV", load(dump(envf)))
  show("local _ENV, env", load(dump(envf), nil, "b", {h = "given"}))
end

-- a recursive local function: its own upvalue is fresh (nil)
local function rec(n) if n == 0 then return "done" end return rec(n - 1) end
show("recursive", load(string.dump(rec)), 0)
show("recursive deeper", load(string.dump(rec)), 2)
