do
  local x <close> = setmetatable({}, {__close = function() error('close failed') end})
  print('in block')
end
print('never')
