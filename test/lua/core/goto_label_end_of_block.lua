-- a label at the end of a block is visible even though a local follows the goto
do
  goto finish
  local z = 1
  print(z)
  ::finish::
end
print('ok')
