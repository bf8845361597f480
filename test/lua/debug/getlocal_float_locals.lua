-- getlocal/setlocal of float-valued locals (held raw by the code generator outside debug mode)
local function inspect()
  for i = 1, 10 do
    local n, v = debug.getlocal(2, i)
    if not n then break end
    print(n, v, math.type(v))
  end
  local ok = debug.setlocal(2, 2, 7.0)
end
local function f(k)
  local a = 2.0 * k
  local b = a / 3
  inspect()
  return a, b, math.type(a)
end
print(f(3))
debug.sethook(function() end, "l")
print(f(3))
debug.sethook()
print(f(4))
