local fs = {}
do
  local k = 1
  ::top::
  local v = k
  fs[#fs + 1] = function() return v end
  k = k + 1
  if k <= 3 then goto top end
end
print(fs[1](), fs[2](), fs[3]())
