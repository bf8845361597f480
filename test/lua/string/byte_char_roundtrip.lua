local t = {}
for i = 0, 255 do t[#t + 1] = i end
local s = string.char(table.unpack(t))
print(#s)
local b = {s:byte(1, -1)}
local ok = #b == 256
for i = 1, 256 do if b[i] ~= i - 1 then ok = false end end
print(ok)
print(s:sub(49, 58), s:sub(66, 91), s:sub(98, 123))
print(s:upper():sub(98, 123), s:lower():sub(66, 91))
print(s:reverse():byte(1), s:reverse():byte(256))
print(s:find("\0", 1, true), s:find("\255", 1, true), s:find("%z"), s:find("[\200-\210]+"))
print(s:gsub("%W", ""):len(), (s:gsub("%W", "")))
print(select('#', s:byte(1, -1)), select('#', s:byte(-300, 300)))
print(string.format("%q", s:sub(1, 40)))
