local function mk(name)
  return setmetatable({}, {__close = function() print('close', name) end})
end
local function f()
  local a <close> = mk('a')
  do
    local b <close> = mk('b')
    return 'ret1', 'ret2'
  end
end
print(f())
local function g()
  local c <close> = mk('c')
  return (function() print('tail-ish call runs before close') return 'v' end)()
end
print(g())
