local function mk(name)
  return setmetatable({}, {__close = function() print('close', name) end})
end
for i = 1, 3 do
  local x <close> = mk('iter' .. i)
  if i == 2 then break end
  print('loop', i)
end
do
  local y <close> = mk('goto-block')
  goto out
end
::out::
print('end')
