do
  goto eval
  print('skipped')
  ::eval::
end
for i = 1, 2 do
  if i == 1 then goto constructor end
  print('i', i)
  ::constructor::
end
do goto __proto__; ::__proto__:: end
do goto toString; ::toString:: end
do goto arguments; ::arguments:: end
do goto this; ::this:: end
do goto undefined; ::undefined:: end
do goto yield; ::yield:: end
do goto await; ::await:: end
print('labels ok')
