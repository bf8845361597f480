local n = 1
::top::
if n <= 5 then
  print('n', n)
  n = n + 1
  goto top
end
print('done', n)
