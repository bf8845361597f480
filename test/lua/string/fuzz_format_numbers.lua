local seed = 4242
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local convs = {"d", "i", "x", "X", "o", "u", "c", "e", "E", "f", "g", "G", "a", "A", "s", "q"}
local flags = {"", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- ", "-#"}
local widths = {"", "1", "5", "12", "20"}
local precs = {"", ".0", ".1", ".3", ".10", ".", ".17"}
local values = {0, 1, -1, 7, 255, 1000000, -123456789, math.maxinteger, math.mininteger, 0.5, -0.5, 1.5, 2.5, 3.14159265358979, 1e-7, 1e22, -1e-300, 1/3, 2^53, 2^63, 123.456, 0.1, 1e100}
for i = 1, 1500 do
  local spec = "%" .. flags[rnd(#flags)] .. widths[rnd(#widths)] .. precs[rnd(#precs)] .. convs[rnd(#convs)]
  local v = values[rnd(#values)]
  print(i, spec, v, pcall(string.format, spec, v))
end
