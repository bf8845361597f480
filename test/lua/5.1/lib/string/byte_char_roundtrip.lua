-- every byte survives char/byte and the pattern functions
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local s = table.concat(t)
print(#s, s:byte(1), s:byte(256), s:byte(-1))
local back = {s:byte(1, -1)}
local ok = true
for i = 1, 256 do if back[i] ~= i - 1 then ok = false end end
print(ok, #back)
print(s:find("\255"), s:find("\0", 1, true), s:find("%z"))
print(#s:upper(), #s:lower(), s:upper():byte(98), s:lower():byte(66), s:upper():byte(225))
print(s:reverse():byte(1), #s:rep(3), s:sub(65, 70))
print(string.format("%q", s:sub(1, 16)) == string.format("%q", s:sub(1, 16)))
