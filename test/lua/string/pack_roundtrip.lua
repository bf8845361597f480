local seed = 55
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local p, up = string.pack, string.unpack
local fails = 0
for size = 1, 16 do
  for k = 1, 60 do
    local bits = math.min(size * 8, 64)
    local v = 0
    for _ = 1, 4 do v = (v << 16) | (rnd(65536) - 1) end
    if bits < 64 then
      v = v & ((1 << bits) - 1)
      local signed = v
      if signed >= (1 << (bits - 1)) then signed = signed - (1 << bits) end
      local s = p("<i" .. size, signed)
      local back = up("<i" .. size, s)
      local s2 = p(">I" .. size, v)
      local back2 = up(">I" .. size, s2)
      if back ~= signed or back2 ~= v or #s ~= size then fails = fails + 1 print("fail", size, v) end
    else
      local s = p("<i" .. size, v)
      local back = up("<i" .. size, s)
      if back ~= v or #s ~= size then fails = fails + 1 print("fail", size, v) end
      if v >= 0 then
        local back2 = up("<I" .. size, p("<I" .. size, v))
        if back2 ~= v then fails = fails + 1 end
      end
    end
  end
end
print("int fails", fails)
for _, x in ipairs{0.0, -0.0, 1.5, -2.25, 1e-300, 1e300, 1/0, -1/0, 3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45} do
  local f = up("f", p("f", x))
  local d = up("d", p("d", x))
  local n = up(">n", p(">n", x))
  print(x, f, d == x, n == x, string.format("%a", f))
end
print(up("f", p("f", 0.1)) == 0.1, string.format("%.10g", up("f", p("f", 0.1))))
print(up("f", p("f", 16777217)), up("f", p("f", 3.4028235677973366e38)), up("f", p("f", 1e-46)))
