-- Left-associative operator chains of any length compile (they nest as deep
-- as they are long), evaluate left to right, and keep their semantics.
local function chain(n, op, term)
  local t = {}
  for i = 1, n do t[i] = term(i) end
  return table.concat(t, op)
end

local x, s = 1, 0
for _, n in ipairs{10, 100, 3000} do
  print(n, load("local x = ... return " .. chain(n, " + ", function () return "x" end))(x))
  print(n, load("return " .. chain(n, " + ", function () return "1" end))())
  print(n, load("local x = ... return " .. chain(n, " - ", function (i) return i % 2 == 0 and "x" or "0.5" end))(x))
  print(n, load("local x = ... return " .. chain(n, " or ", function (i) return i == n and "x" or "nil" end))(x))
  print(n, load("local x = ... return " .. chain(n, " and ", function () return "x" end))(7))
  print(n, load("local x = ... return " .. chain(n, " * ", function (i) return i % 3 == 0 and "-x" or "x" end))(x))
end

-- longer than the JS stack could nest
print(load("local x = ... return " .. chain(12000, " + ", function () return "x" end))(x))

-- left to right, with metamethods, and errors naming the operand
local log = {}
local mt = {__add = function (a, b) log[#log + 1] = (type(a) == "table" and a.n or a) .. "+" .. (type(b) == "table" and b.n or b); return {n = "r"} end}
local function obj(n) return setmetatable({n = n}, mt) end
local objs = {}
for i = 1, 300 do objs[i] = obj(i) end
local f = load("local o = ... return " .. chain(300, " + ", function (i) return "o[" .. i .. "]" end))
print(f(objs).n, #log, log[1], log[2], log[300])
print(pcall(load("local a, b = 1, nil return " .. chain(200, " + ", function (i) return i == 150 and "b" or "a" end))))

-- in debug mode too
debug.sethook(function () end, "l")
print(load("local x = ... return " .. chain(3000, " + ", function () return "x" end))(2))
debug.sethook()

-- the first operand is evaluated once
local reads = 0
local env = setmetatable({}, {__index = function () reads = reads + 1 return 1 end})
print(load("return g" .. (" + 1"):rep(100), "=chain", "t", env)(), reads)
print(load("return g" .. (" .. 'x'"):rep(100) .. " and g" .. (" or g"):rep(100), "=chain", "t", env)(), reads)
print(coroutine.wrap(load("return g" .. (" * 2"):rep(100) .. " > 0", "=chain", "t", env))(), reads)
