-- round trips and agreement between the functions over many code points
local function check(v, lax)
  local c = utf8.char(v)
  assert(utf8.codepoint(c, 1, -1, lax) == v)
  assert(utf8.len(c, 1, -1, lax) == 1)
  assert(utf8.offset(c, 1) == 1 and utf8.offset(c, 2) == #c + 1 and utf8.offset(c, -1) == 1)
  assert(string.match(c, "^" .. utf8.charpattern .. "$") == c)
  local n = 0
  for p, cp in utf8.codes(c, lax) do n = n + 1; assert(p == 1 and cp == v) end
  assert(n == 1)
  return #c
end
local counts = {}
local v = 0
while v <= 0x7FFFFFFF do
  local strict = v <= 0x10FFFF and not (v >= 0xD800 and v <= 0xDFFF)
  local len = check(v, not strict)
  counts[len] = (counts[len] or 0) + 1
  v = v < 0x1000 and v + 1 or v + 997 * (v // 0x10000 + 1)
end
for i = 1, 6 do print(i, counts[i]) end

-- a long string built from many characters
local parts, cps = {}, {}
for i = 1, 2000 do
  local cp = (i * 7919) % 0x10FFFF
  if cp >= 0xD800 and cp <= 0xDFFF then cp = cp - 0x1000 end
  cps[#cps + 1] = cp
  parts[#parts + 1] = utf8.char(cp)
end
local s = table.concat(parts)
print(#s, utf8.len(s), #cps)
local got = {utf8.codepoint(s, 1, -1)}
local same = #got == #cps
for i = 1, #cps do if got[i] ~= cps[i] then same = false end end
print(same)
local k = 0
for p, c in utf8.codes(s) do
  k = k + 1
  assert(c == cps[k] and p == utf8.offset(s, k))
end
print(k, utf8.offset(s, -1), utf8.offset(s, 1000), utf8.offset(s, -1000))
print(utf8.char(table.unpack(cps, 1, 10)) == s:sub(1, utf8.offset(s, 11) - 1))
-- charpattern splits exactly like codes
local n = 0
for ch in s:gmatch(utf8.charpattern) do n = n + 1; assert(utf8.codepoint(ch) == cps[n]) end
print(n)
-- counting characters up to every byte position
local total = 0
for j = 0, 40 do total = total + (utf8.len(s, 1, j) or -1000) end
print(total)
-- a corrupted byte is reported at its position
local bad = s:sub(1, 100) .. "\xff" .. s:sub(101)
print(utf8.len(bad))
print(utf8.len(bad, 102))
