-- A table whose __call is a table whose __call is ... ending in a function:
-- lua5.4 follows any number of them (luaD_tryfuncTM in a loop), calling the
-- function with every value of the chain before the arguments, innermost
-- first. In every kind of call, direct and resumable, and for metamethods.
local function chain(n, f)
  local o = f
  for i = 1, n do o = setmetatable({i = i}, {__call = o}) end
  return o
end
local function probe(...)
  local n = select('#', ...)
  local first, last = ..., select(n - 2, ...)
  return n, first.i, last.i, select(n - 1, ...)
end
for _, n in ipairs{1, 2, 100, 5000, 20000} do
  local o = chain(n, probe)
  print(n, o(1, 2))
  print(n, pcall(o, 1, 2))
  print(n, (function () return o(1, 2) end)())
  print(n, (function () local a, b, c, d, e = o(1, 2) return a, b, c, d, e end)())
  print(n, coroutine.wrap(function () return o(1, 2) end)())
  print(n, coroutine.wrap(function () local a, b, c, d, e = o(1, 2) return a, b, c, d, e end)())
  print(n, coroutine.wrap(function () return pcall(o, 1, 2) end)())
  print(n, xpcall(o, print, 1, 2))
end

-- metamethods that are chains
local count = function (...) return select('#', ...) end
local v = setmetatable({}, {__add = chain(5000, count), __concat = chain(5000, function (...) local a, b = select(-2, ...) return type(a) .. "." .. type(b) end)})
print(v + 1, v .. "x", 1 .. v)
print(coroutine.wrap(function () return v + 1, v .. "x" end)())

local w = setmetatable({}, {
  __tostring = chain(50, function (...) return "str" .. select('#', ...) end),
  __len = chain(50, count),
  __unm = chain(50, count),
  __eq = chain(50, function () return true end),
  __lt = chain(50, function () return true end),
  __le = chain(50, function () return false end),
  __close = chain(50, function (...) print("close", select('#', ...)) end),
})
print(tostring(w), #w, -w, w == setmetatable({}, getmetatable(w)), w < w, w <= w)
do local c <close> = w end
print(coroutine.wrap(function () do local c <close> = w end return tostring(w), #w, -w, w < w end)())

-- a chain ending in coroutine.yield yields everything
local co = coroutine.wrap(function () return chain(5000, coroutine.yield)(1, 2) end)
print(count(co()), co("back"))

-- errors name the value called, whatever link of the chain fails
local function errors(o)
  print(pcall(function () o() end))
  print(pcall(function () return o() end))
  print(pcall(o))
  print(coroutine.wrap(function () return pcall(function () o() end) end)())
  print(coroutine.wrap(function () return pcall(function () return o() end) end)())
end
errors(chain(5000, setmetatable({}, {})))
errors(chain(3, 42))
errors(chain(5000, setmetatable({}, {__name = "Thing"})))
G = chain(100, false)
print(pcall(function () G(1) end))
print(pcall(function () local t = {f = G} t.f(1) end))
print(pcall(function () local t = {f = G} return t:f() end))
