-- larger sorts: results, comparator counts and checksums must match lua5.4
local seed = 7
local function rnd(m) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % m end
local function check(t, lt)
  for i = 2, #t do
    if lt(t[i], t[i - 1]) then return false end
  end
  return true
end
local function lt(a, b) return a < b end
for _, n in ipairs{1000, 10000, 50000} do
  local t = {}
  for i = 1, n do t[i] = rnd(n) end
  table.sort(t)
  local s = 0
  for i = 1, n, 97 do s = s + t[i] * i end
  print(n, check(t, lt), s)
end
-- floats
local f = {}
for i = 1, 20000 do f[i] = rnd(1000000) / 7 end
table.sort(f)
print(check(f, lt), f[1], f[10000], f[20000])
-- with a comparator: count the calls
local t = {}
for i = 1, 20000 do t[i] = rnd(100) end
local calls = 0
table.sort(t, function(a, b) calls = calls + 1 return a > b end)
print(calls, check(t, function(a, b) return a > b end), t[1], t[20000])
-- strings
local s = {}
for i = 1, 5000 do s[i] = tostring(rnd(100000)) end
table.sort(s)
print(check(s, lt), s[1], s[2500], s[5000])
-- organ pipe and sawtooth inputs
local pipe = {}
for i = 1, 3000 do pipe[i] = i <= 1500 and i or 3001 - i end
-- (lua5.4 switches to a clock-based pivot here, so only the result is compared)
table.sort(pipe, function(a, b) return a < b end)
print(check(pipe, lt))
local saw = {}
for i = 1, 3000 do saw[i] = i % 17 end
calls = 0
table.sort(saw, function(a, b) calls = calls + 1 return a < b end)
print(calls, check(saw, lt))
