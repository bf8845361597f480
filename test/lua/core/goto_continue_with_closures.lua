local fs = {}
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  do
    local captured = i
    fs[#fs + 1] = function() return captured end
  end
  ::continue::
end
local out = {}
for _, f in ipairs(fs) do out[#out + 1] = f() end
print(table.concat(out, ','))
