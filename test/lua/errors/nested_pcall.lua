local function inner() error('inner err', 0) end
local function middle()
  local ok, e = pcall(inner)
  error('middle saw: ' .. e, 0)
end
print(pcall(middle))
print(pcall(pcall, pcall, error, 'deep'))
local ok, a, b = pcall(function() return pcall(error, 'x', 0) end)
print(ok, a, b)
