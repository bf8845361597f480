do
  do
    goto inner_done
  end
  print('not printed')
  ::inner_done::
  print('inner done')
end
local k = 0
repeat
  k = k + 1
  if k < 3 then goto cont end
  print('k reached', k)
  ::cont::
until k >= 4
