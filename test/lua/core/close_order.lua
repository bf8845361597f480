local function mk(name)
  return setmetatable({}, {__close = function(o, e) print('close', name, e) end})
end
do
  local a <close> = mk('a')
  local b <close> = mk('b')
  local c <close> = mk('c')
  print('body')
end
print('after')
