for i = 1, 2 do
  do goto l end
  ::l::
  print('loop', i)
end
do ::l:: end
do ::l:: print('separate blocks ok') end
