local function with_env()
  local _ENV = {print = print, x = 'from custom env'}
  print(x)
  y = 'stored in custom env'
  return _ENV
end
local e = with_env()
print(e.y, y)
local f = load('return z', 'chunk', 't', {z = 'loaded env'})
print(f())
do
  local _ENV = setmetatable({}, {__index = _G})
  newglobal = 1
  print(newglobal, _G.newglobal)
end
