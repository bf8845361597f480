local function f()
  local _ENV = nil
  return x
end
print(pcall(f))
local function g()
  local _ENV = {}
  return print('x')
end
print(pcall(g))
