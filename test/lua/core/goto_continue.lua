for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  print('odd', i)
  ::continue::
end
local i = 0
while i < 5 do
  i = i + 1
  if i == 3 then goto skip end
  print('w', i)
  ::skip::
end
