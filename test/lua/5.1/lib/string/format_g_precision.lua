-- %g and %.Ng, round trips and widths
for _, x in ipairs{0, 1, -1, 0.1, 1/3, 123456789, 1234567890123, 1e15, 1e16, 1e-5, 1.5e300, 2^63, -2^-1074} do
  print(string.format("%g|%.1g|%.3g|%.14g|%.17g|%12.4g|%-12.2e|", x, x, x, x, x, x, x))
end
