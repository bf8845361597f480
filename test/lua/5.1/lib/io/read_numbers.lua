-- "*n" reads what fscanf("%lf") reads
local name = os.tmpname()
local f = io.open(name, "w")
f:write("1 -2 +3 4.5 .5 6. 1e3 2E-2 0x1F 0x1p4 -inf INF infinity nan 7x 8 --9 10")
f:close()
f = io.open(name)
local out = {}
for i = 1, 20 do
  local n = f:read("*n")
  if n == nil then out[#out + 1] = "nil:" .. tostring(f:read(1)) else out[#out + 1] = string.format("%.14g", n) end
end
print(table.concat(out, " "))
f:close()
os.remove(name)
