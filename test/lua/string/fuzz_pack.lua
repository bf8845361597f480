local seed = 31337
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local opts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "f", "d", "n", "i1", "i2", "i3", "i5", "i8", "i9", "i16", "I3", "I12", "s", "s1", "s2", "z", "c3", "x", "Xi4", "Xh", " ", "<", ">", "=", "!", "!2", "!4", "!8"}
local vals = {0, 1, -1, 127, 128, 255, -128, 65535, 2^31, -2^31, math.maxinteger, math.mininteger, 1.5, "ab", "", "xyz"}
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for i = 1, 800 do
  local f = {}
  local args = {}
  for j = 1, rnd(5) do
    f[#f + 1] = opts[rnd(#opts)]
    args[#args + 1] = vals[rnd(#vals)]
  end
  f = table.concat(f)
  local ok, r = pcall(string.pack, f, table.unpack(args))
  local line = i .. " " .. string.format("%q", f) .. " " .. tostring(ok) .. " " .. (ok and hex(r) or r)
  local ok2, sz = pcall(string.packsize, f)
  line = line .. " | " .. tostring(ok2) .. " " .. tostring(sz)
  if ok then
    local u = {pcall(string.unpack, f, r)}
    for k = 1, #u do u[k] = tostring(u[k]) end
    line = line .. " | " .. table.concat(u, ",")
  end
  print(line)
end
