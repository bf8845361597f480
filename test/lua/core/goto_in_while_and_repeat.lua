local i = 0
while true do
  i = i + 1
  if i > 5 then goto done end
  if i % 2 == 1 then goto continue end
  print('even', i)
  ::continue::
end
::done::
print('exit', i)
local j = 0
repeat
  j = j + 1
  goto next_iter
  print('skipped')
  ::next_iter::
until j == 3
print('j', j)
