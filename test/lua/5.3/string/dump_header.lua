local f = function(a, b) return a + b end
local c = string.dump(f)
print(c:sub(1, 33) == string.pack("c4BBc6BBBBBjn", "\27Lua", 0x53, 0, "\x19\x93\r\n\x1a\n", 4, 8, 4, 8, 8, 0x5678, 370.5))
print(load(c)(1, 2))
for i = 2, 33 do
  local s = c:sub(1, i - 1) .. string.char((c:byte(i) + 1) % 256) .. c:sub(i + 1)
  print(i, load(s))
end
for _, i in ipairs{1, 5, 17, 33, 34} do print(i, load(c:sub(1, i))) end
print(type(load(c, "=name")), load(c:sub(1, 10), "@file.lua"))
print(load(c, "x", "t"))
print(pcall(string.dump, print))
