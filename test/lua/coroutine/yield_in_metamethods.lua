local mt = {
  __index = function(t, k) return coroutine.yield('index ' .. k) end,
  __add = function(a, b) return coroutine.yield('add') end,
  __lt = function(a, b) return coroutine.yield('lt') end,
  __concat = function(a, b) return coroutine.yield('concat') end,
  __eq = function(a, b) return coroutine.yield('eq') end,
  __len = function(a) return coroutine.yield('len') end,
  __call = function(self, x) return coroutine.yield('call ' .. x) end,
  __newindex = function(t, k, v) coroutine.yield('newindex ' .. k) end,
  __unm = function(a) return coroutine.yield('unm') end,
  __le = function(a, b) return coroutine.yield('le') end,
}
local A = setmetatable({}, mt)
local B = setmetatable({}, mt)
local co = coroutine.create(function()
  local r = {}
  r[#r + 1] = A.foo
  r[#r + 1] = A + 1
  r[#r + 1] = tostring(A < B)
  r[#r + 1] = A .. 'x'
  r[#r + 1] = tostring(A == B)
  r[#r + 1] = #A
  r[#r + 1] = A(7)
  A.bar = 1
  r[#r + 1] = -A
  r[#r + 1] = tostring(A <= B)
  return table.concat(r, ',')
end)
local val = 0
while true do
  val = val + 1
  local ok, v = coroutine.resume(co, 'r' .. val)
  print(ok, v)
  if coroutine.status(co) == 'dead' then break end
end
