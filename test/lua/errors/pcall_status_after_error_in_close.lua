local function f()
  local a <close> = setmetatable({}, {__close = function(_, e) error('close: ' .. tostring(e), 0) end})
  return 'normal return'
end
print(pcall(f))
local function g()
  local a <close> = setmetatable({}, {__close = function(_, e) error({wrapped = e}) end})
  error('body', 0)
end
local ok, e = pcall(g)
print(ok, type(e), e.wrapped)
