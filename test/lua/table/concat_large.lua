-- concat of many pieces and of long strings
local t = {}
for i = 1, 100000 do t[i] = i end
local s = table.concat(t, ',')
print(#s, s:sub(1, 30), s:sub(-20))
local long = string.rep('abc', 100000)
local u = {long, long, long}
local r = table.concat(u, long)
print(#r, r:sub(1, 6), r:sub(-6))
local parts = {}
for i = 1, 1000 do parts[i] = string.rep(string.char(65 + i % 26), i % 7) end
local c = table.concat(parts)
print(#c, c:sub(1, 40))
-- concat of a concat
local nested = {}
for i = 1, 100 do nested[i] = table.concat({i, i + 1, i + 2}, '-') end
print(table.concat(nested, ' '):sub(1, 60))
