-- dialects: 5.4 5.3
-- Locals every assignment of which is float-valued are held as raw JS
-- numbers by the code generator: integral floats, -0.0, NaN, inf, escaping
-- into tables, calls, returns, string.format, math.type, comparisons, and
-- operands of unknown type (strings, metamethods, integers).
local function show(...) print(...) end

local function kernel(n)
  local acc = 0.0
  local x = 2.0 * n
  local y = x / n
  local z = -acc
  for i = 1, 3 do acc = acc + i * 1.0 end
  return acc, x, y, z, math.type(acc), math.type(x), math.type(y)
end
show(kernel(3))
show(kernel(0))          -- 0/0: nan (sign as lua's)
show(kernel(-1))
show(kernel(2.5))
show(kernel("4"))        -- string coercion: "4" * 2.0
show(pcall(kernel, {}))  -- error names the operand
show(pcall(kernel, nil))

-- metamethods on an operand: the result can be anything
local mt = {__mul = function(a, b) return 7 end, __div = function(a, b) return "q" end,
            __add = function(a, b) return {} end, __unm = function(a) return 42 end,
            __lt = function(a, b) return true end, __le = function(a, b) return false end,
            __eq = function(a, b) return true end}
local obj = setmetatable({}, mt)
local function meta(o)
  local a = 2.0 * o      -- 7, an integer
  local b = a / 1.0      -- float 7.0
  local c = 1.5 * o
  local d = -(1.0 * o)   -- unm of an integer
  return a, math.type(a), b, math.type(b), c, d, math.type(d), a + 1, a // 2, a << 1
end
show(meta(obj))
local function meta2(o)
  local q = o / 2.0
  local r = q .. "!"
  return q, r, 1.0 < o, o <= 2.0, 2.0 == o
end
show(meta2(obj))
local function meta3(o)
  local t = 0.5 + o
  return type(t), getmetatable(t) == nil
end
show(meta3(obj))

-- a float local that takes an integer value through a metamethod, then arithmetic
local function via(o)
  local v = 1.0 * o
  v = v + 1           -- integer 8
  local w = v * 2     -- 16
  return v, w, math.type(v), math.type(w), v == 8, v < 9, string.format("%d", v)
end
show(via(obj))

-- integral floats escaping
local function escape(k)
  local f = k * 1.0
  local t = {f, [f] = "key", f + 0.5}
  local g = f - f
  local nz = -g
  return t[1], math.type(t[1]), t[f], t[1.0 * k], #t, f, tostring(f), string.format("%.1f %d %g", f, f, f),
         nz, 1 / nz, g == nz, f // 1, f % 2, f ^ 2, math.tointeger(f), ("x"):rep(f % 5)
end
show(escape(3))
show(escape(2 ^ 53))
show(pcall(function() local f = 0.5 * 3; return string.format("%d", f) end))

-- inf, nan, huge values
local function specials(a)
  local inf = a / 0.0
  local ninf = -inf
  local nan = inf + ninf
  local big = 2.0 ^ 63
  return inf, ninf, nan ~= nan, nan == nan, inf > 1e308, big, math.type(big),
         big == math.mininteger, -big == math.mininteger, big > math.maxinteger, math.tointeger(-big),
         string.format("%.0f", big), math.floor(big) == big
end
show(specials(1))
show(specials(-1))

-- -0.0 in locals
local function negzero()
  local z = -0.0
  local w = 0.0 * -1
  local t = {}
  t[z] = 1
  return z, w, 1 / z, 1 / w, z == 0, t[0], t[0.0], math.type(z), string.format("%g", z), z < 0, z <= 0
end
show(negzero())

-- integers wrap, floats do not
local function wrap(n)
  local i = n + 1          -- integer arithmetic (n is an integer)
  local f = n + 1.0        -- float
  local g = f * f
  return i, f, g, i == f, math.type(i), math.type(f), f == 2^63, i < f
end
show(wrap(math.maxinteger))
show(wrap(2^53 - 1 | 0))
show(wrap(-2^53 | 0))

-- loops with float steps and float accumulators
local function loops()
  local s = 0.0
  for x = 0.0, 1.0, 0.25 do s = s + x end
  local p = 1.0
  for i = 1, 10 do p = p * 2 end
  local h = 1.0
  while h > 1e-3 do h = h / 2 end
  local m = 0.0
  repeat m = m + 0.1 until m >= 1
  return s, p, h, m, math.type(p)
end
show(loops())

-- swapping, multiple assignment, call results
local function multi()
  local a, b = 1.0, 2.5
  a, b = b, a
  local c, d = 3.0, math.floor(4.5)
  c = c * 2
  local e, f = 1.0
  local g = 1.0
  g = nil
  local h = 2.0
  h = h + (select('#', a, b) == 2 and 1.0 or 0.0)
  return a, b, c, d, e, f, g, h, math.type(c), math.type(d)
end
show(multi())

-- a float local read by a closure is not raw (captured); the others still are
local function closures()
  local a = 1.0
  local b = a * 3
  local get = function() return a end
  a = a + b
  return get(), a, b, math.type(b)
end
show(closures())

-- comparisons between raw floats and integers
local function cmp(n)
  local f = n * 1.0
  return f == n, f < n + 1, f <= n, f > n - 1, f >= n, f ~= n, f == "1", f < 2^53,
         pcall(function() return f < "x" end)
end
show(cmp(1))
show(cmp(2^53 | 0))
show(cmp(math.maxinteger))

-- arithmetic errors still name locals
local function errs()
  local f = 1.5 * 2
  local t = {}
  return pcall(function() local g = 2.0 * f; local h = g + t.x; return h end)
end
show(errs())
show(pcall(function() local f = 2.0; local g = f * {} end))
show(pcall(function() local f = 2.0; f = f / nil end))
show(pcall(function() local f = 2.0; return -f, f < {} end))
