-- many doubles through %e %f %g %a with assorted precisions
local seed = 99
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
for i = 1, 800 do
  local m = (rnd(2^30) * 2^22 + rnd(2^22)) / 2^52
  local e = rnd(120) - 60
  local x = m
  for _ = 1, math.abs(e) do if e > 0 then x = x * 10 else x = x / 10 end end
  if rnd(2) == 1 then x = -x end
  local p = rnd(20) - 1
  print(string.format("%." .. p .. "e|%." .. p .. "g|%.17g|%a|%." .. (p % 13) .. "a", x, x, x, x, x))
  if math.abs(x) < 1e25 then print(string.format("%." .. p .. "f|%#.0f|%12.4f", x, x, x)) end
end
for _, x in ipairs{0.5, 1.5, 2.5, 1e-5, 5e-5, 0.00015, 1234.5, 1e15 + 0.5, 2^52 + 0.5, 0.045, 0.055, 9.5, 99.5, 999999.5} do
  print(string.format("%.0f %.1f %.2f %.0e %.1e %g %.3g %.1g", x, x, x, x, x, x, x, x))
end
