local f = string.format
local vals = {0, 1, -1, 42, -42, 255, 65535, -2147483648, 2^31}
local specs = {"%d", "%5d", "%-5d", "%05d", "%+d", "% d", "%.3d", "%+.3d", "%8.3d", "%-8.3d", "%x", "%#x", "%8x", "%#8x", "%-#8x", "%08x", "%#08x", "%.4x", "%o", "%#o", "%8o", "%X", "%#X"}
for _, s in ipairs(specs) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row))
end
local fvals = {0.0, 1.0, -1.5, 0.001, 123.456, 1e10, -1e-10, 1/3}
local fspecs = {"%f", "%.1f", "%8.2f", "%-8.2f", "%08.2f", "%+.2f", "% .2f", "%#.0f", "%e", "%.2e", "%12.3e", "%-12.3E", "%+e", "%g", "%.3g", "%10g", "%-10g", "%#g", "%#.3g", "%G", "%a", "%.2a", "%12a", "%-12A", "%+a"}
for _, s in ipairs(fspecs) do
  local row = {}
  for _, v in ipairs(fvals) do row[#row + 1] = "[" .. f(s, v) .. "]" end
  print(s, table.concat(row))
end
