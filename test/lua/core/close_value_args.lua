local obj = setmetatable({name = 'res'}, {__close = function(o, e)
  print('closing', o.name, select('#', e), e)
end})
do local x <close> = obj end
print(pcall(function() local x <close> = obj; error('E', 0) end))
print(pcall(function() local x <close> = obj; error(nil) end))
