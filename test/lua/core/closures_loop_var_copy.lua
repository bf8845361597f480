local fs = {}
for i = 1, 3 do
  fs[#fs + 1] = function() i = i + 10; return i end
end
print(fs[1](), fs[1](), fs[2]())
local out = {}
for i = 1, 3 do
  i = i * 100
  out[#out + 1] = i
end
print(table.concat(out, ' '))
