-- Long chains of suffixes (`t.a[1]:m()(x)...`) compile and run, as in lua5.4
-- (its parser builds them with a loop): evaluated from the left, one suffix
-- at a time, as expressions, call statements, assignment targets and
-- function names, in direct and resumable code, with errors naming the
-- culprit and the same line events under a hook. Chains of 64 suffixes or
-- more are compiled flat: 5,000 overflowed V8's parser, which nests.
local BIG, N = 5000, 300
local log = {}
local o = setmetatable({}, {
  __index = function (t, k) log[#log + 1] = k return t end,
  __newindex = function (t, k, v) log[#log + 1] = k .. "=" .. v end,
  __call = function (t, a) log[#log + 1] = a == t and "self" or type(a) == "table" and "{}" or a or "()" return t end,
  __add = function (a, b) log[#log + 1] = "+" return a end,
})
local function run(src, ...)
  log = {}
  local f = assert(load(src))
  local r = f(...)
  return r == o and "o" or r, #log, log[1], log[2], log[3], log[#log - 1], log[#log]
end
print(run("local t = ... return t" .. (".a"):rep(BIG), o))
print(run("local t = ... return t" .. ("[1]"):rep(N), o))
print(run("local t = ... return t" .. (":m()"):rep(BIG), o))
print(run("local t = ... return t" .. ("()"):rep(BIG), o))
local parts = {}
for i = 1, BIG // 4 do parts[i] = ".a[" .. i .. "]:m('x" .. i .. "')('y" .. i .. "')" end
print(run("local t = ... return t" .. table.concat(parts), o))

print(run("local t = ... return t" .. ('"s"'):rep(N), o))
print(run("local t = ... return t" .. ("{}"):rep(N) .. ".x", o))
print(run("local t = ... return t" .. ("(1, 2)"):rep(N), o))
print(run("local t = ... t" .. (":m(1)"):rep(N), o))
print(run("local t = ... t" .. (".a"):rep(N) .. " = 7", o))
print(run("local t = ... t" .. (".a"):rep(N) .. ", t" .. (".b"):rep(N) .. " = 1, 2", o))
print(run("local t = ... return 1 + #tostring(t" .. table.concat(parts, "", 1, N) .. ")", o))
print(run("local t = ... return t" .. table.concat(parts, "", 1, N) .. ", t" .. (".z"):rep(N), o))

-- chains in the keys and arguments of chains, in the keys and arguments of chains...
print(run("local t = ... return " .. ("t["):rep(60) .. "1" .. ("]" .. (".a"):rep(62)):rep(60), o))
print(run("local t = ... return " .. ("t:m("):rep(60) .. "1" .. (")" .. ("[2]"):rep(30) .. ("(3)"):rep(32)):rep(60), o))
print(run("local t = ... return (" .. ("{t"):rep(60) .. (("{}"):rep(63) .. "}"):rep(60) .. ")[1]", o))
print(run("local t = ... return " .. ("t.a" .. (" + t.b"):rep(63) .. " + t["):rep(60) .. "1" .. ("]" .. ("(1)"):rep(30)):rep(60), o))

-- globals, upvalues, function names
G = o
print(run("return G" .. (".a"):rep(N)))
print(run("local t = ... return (function () return t" .. (".a"):rep(N) .. " end)()", o))
local T = {}
local cur = T
for i = 1, N do cur.a = {} cur = cur.a end
local f = assert(load("local T = ... function T" .. (".a"):rep(N) .. ".f(x) return x * 2 end return T" .. (".a"):rep(N) .. ".f(21)"))
print(f(T), cur.f(1))
assert(load("local T = ... function T" .. (".a"):rep(N) .. ":m(x) return self == x end"))(T)
print(cur:m(cur))

-- errors name the suffix that failed
print(pcall(load("local T = ... return T" .. (".a"):rep(N + 2)), T))
print(pcall(load("local T = ... return T" .. (".a"):rep(N) .. ":nope()"), T))
print(pcall(load("local T = ... return T" .. (".a"):rep(N) .. ".f" .. ("()"):rep(3)), T))

-- resumable code: metamethods along the chain yield
local y = setmetatable({}, {__index = function (t, k) coroutine.yield(k) return t end})
local co = coroutine.wrap(assert(load("local t = ... return t" .. (".a.b"):rep(N // 2) .. " == t")))
local yields, r = 0, co(y)
while r ~= true do yields = yields + 1 r = co() end
print(yields, r)
print(coroutine.wrap(function () return run("local t = ... return t" .. (":m(2)"):rep(N) .. "()", o) end)())
print(coroutine.wrap(function () return pcall(load("local T = ... return T" .. (".a"):rep(N) .. ":nope()"), T) end)())

-- line events around a chain, and error lines along one over many lines
local src = "local t = ...\nlocal x = 1\nx = t" .. (".a"):rep(100) .. (":m()"):rep(100) .. "\nreturn x\n"
local lines = {}
debug.sethook(function (_, l) lines[#lines + 1] = l end, "l")
local r = assert(load(src))(o)
debug.sethook()
print(r == o, #lines, table.concat(lines, " ", 1, 10), lines[#lines - 2], lines[#lines - 1])
print(pcall(load("local t = ...\nreturn t" .. ("\n.a"):rep(100) .. "\n.b" .. ("\n.a"):rep(100)), {b = 1}))
print(pcall(load("local t = ...\nreturn t" .. ("\n:m()"):rep(100) .. "\n.b" .. ("\n()"):rep(100)),
  setmetatable({}, {__index = {m = function (s) return s end}})))
