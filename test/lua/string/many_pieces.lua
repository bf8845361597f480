-- results built from many pieces (gsub, table.concat, string.reverse,
-- string.char, utf8.char, string.format): the same bytes, in order, as
-- lua5.4, across the sizes where pieces are grouped and joined
local function digest(s)
  -- length, a few slices, and a position-weighted sum of a sample
  local sum = 0
  for i = 1, #s, 997 do sum = (sum * 31 + s:byte(i) * i) % 1000000007 end
  return string.format("%d %q %q %d", #s, s:sub(1, 12), s:sub(-12), sum)
end
for _, n in ipairs{1, 63, 64, 65, 4095, 4096, 4097, 70000, 300000} do
  local src = ("ab"):rep(n)
  print(n, digest((src:gsub("a", "xyz"))))
  local k = 0
  print(n, digest((src:gsub("b", function() k = k + 1; return k % 3 == 0 and tostring(k) or nil end))))
  print(n, digest((src:gsub("(a)(b)", {a = "A", ab = false}))))
  print(n, digest((src:gsub("a", "%0%0", n // 2))))
  local t = {}
  for i = 1, n do t[i] = i % 7 == 0 and i or ("p" .. i) end
  print(n, digest(table.concat(t)), digest(table.concat(t, ", ")), digest(table.concat(t, "-", n // 3 + 1, n)))
  print(n, digest((src .. "c"):reverse()))
end
for _, n in ipairs{63, 64, 65, 8191, 8192, 8193, 20000} do
  local codes, cps = {}, {}
  for i = 1, n do codes[i] = (i * 7) % 256; cps[i] = (i * 7919) % 0x10FFFF end
  print(n, digest(string.char(table.unpack(codes))), digest(utf8.char(table.unpack(cps))))
  print(n, digest(string.format(("%d;%s|"):rep(n // 2), table.unpack(codes, 1, n // 2 * 2))))
end
-- a replacement that fails part-way: nothing is returned
print(pcall(string.gsub, ("ab"):rep(10000), "b", function(b) if #b > 5 then return {} end end))
print(pcall(string.gsub, ("ab"):rep(10000), "()b", function(i) if i > 15000 then return {} end end))
print(pcall(table.concat, {"a", "b", {}, "c"}))
