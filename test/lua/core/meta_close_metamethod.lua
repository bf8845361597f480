local mt = {}
local log = {}
mt.__close = function(v, e) log[#log + 1] = v.id end
do
  local a <close> = setmetatable({id = 'A'}, mt)
  local b <close> = setmetatable({id = 'B'}, mt)
  mt.__close = function(v) log[#log + 1] = 'changed-' .. v.id end
end
print(table.concat(log, ' '))
print(pcall(function()
  local c <close> = setmetatable({id = 'C'}, mt)
  getmetatable(c).__close = nil
end))
