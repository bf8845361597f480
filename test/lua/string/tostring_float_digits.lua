-- tostring (and print, io.write, concatenation) of floats, "%.14g" plus
-- ".0": random doubles across the magnitudes, around the edges of fixed
-- notation (1e-4, 1e14) and of 14 significant digits, negative, and
-- integral. Regolith prints most of them as JS does (same digits when JS's
-- shortest form has at most 14) and the rest the long way.
local seed = 12345
local function rnd() seed = (seed * 6364136223846793005 + 1442695040888963407); return seed end
local out = {}
for i = 1, 2500 do
  local x = string.unpack("d", string.pack("i8", rnd()))
  if x ~= x or x == math.huge or x == -math.huge then x = i / 7 end
  local y = ((rnd() % 100000) / (10 ^ (i % 12))) * (10.0 ^ (i % 8))
  out[#out + 1] = tostring(x) .. " " .. tostring(y) .. " " .. tostring(-y) .. " " .. (y * 1e-3) .. " " .. tostring(y / 7) .. " " .. (math.floor(y) + 0.5)
end
for _, v in ipairs({1e-4, 0.0001, 0.00012345678901234, 0.000123456789012345, 9.9999999999999e-5, 1e-5,
    1e14, 1e14 - 1, 1e14 - 0.5, 99999999999999.5, 99999999999999.4, 1e13, 1e13 + 0.5, 12345678901234.5,
    0.1, 0.2 + 0.1, 1/3, 2/3, 123456.789, 5e-324, 2^53, 2^63, -0.0, 0.0, 1e100, 1.5, -1.5, 100.25}) do
  out[#out + 1] = tostring(v) .. " " .. tostring(-v)
end
io.write(table.concat(out, "\n"), "\n")
print(0.1, -0.1, 1e-4, 123.0, 1e14, 1/3)
