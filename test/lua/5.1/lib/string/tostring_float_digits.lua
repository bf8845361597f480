-- tostring (print, io.write, concatenation) of numbers in 5.1, "%.14g":
-- random doubles across the magnitudes, around the edges of fixed notation
-- (1e-4, 1e14) and of 14 significant digits, negative and integral.
local s = 1
local out = {}
for i = 1, 2500 do
  s = (s * 1103515245 + 12345) % 2147483648
  local x = s / (10 ^ (i % 20)) * ((i % 2 == 0) and 1 or -1)
  out[#out + 1] = tostring(x) .. " " .. (x / 3) .. " " .. (x * 1e7) .. " " .. (x / 7e9)
end
for _, v in ipairs({1e-4, 0.0001, 0.00012345678901234, 0.000123456789012345, 9.9999999999999e-5, 1e-5,
    1e14, 1e14 - 1, 1e14 - 0.5, 99999999999999.5, 99999999999999.4, 1e13, 1e13 + 0.5, 12345678901234.5,
    0.1, 0.2 + 0.1, 1/3, 2/3, 123456.789, 2^53, 2^63, -0.0, 0.0, 1e100, 1.5, -1.5, 100.25, 123456789012345}) do
  out[#out + 1] = tostring(v) .. " " .. tostring(-v)
end
io.write(table.concat(out, "\n"), "\n")
print(0.1, -0.1, 1e-4, 123.0, 1e14, 1/3)
