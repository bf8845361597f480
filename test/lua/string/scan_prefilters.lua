-- scanning shortcuts (first-byte sets, literal runs at fixed offsets) must
-- not change what find, match, gmatch and gsub return
local s = "xxabcabc-ab.cd%ef aXbc 12abc34 a-b a--b [x] ^a$ end$"
local pats = { "abc", ".bc", "%dabc", "[ax]bc", "ab*c", "a+b", "b-c", "%%ef", "a%-b", "%[x%]",
  "^a", "a$", "end$", "%a%a", "[^a]bc", "x?abc", "()abc()", "(a)(b)c", ".", "c%d", "%d+", "a.-b", "$", "^", "" }
for _, p in ipairs(pats) do
  local out = {}
  for a, b in s:gmatch("(" .. p .. ")()") do out[#out + 1] = tostring(a) .. "@" .. tostring(b) end
  print(string.format("%q", p), s:find(p), s:match(p), #out, table.concat(out, " "), (s:gsub(p, "<%0>")))
end
print(("aaa"):gsub("a*", "-"), ("abc"):gsub("", "."), ("hello world"):gsub("o", "0", 1))
for _, p in ipairs(pats) do
  local out = {}
  for m in s:gmatch(p) do out[#out + 1] = m end
  print(string.format("%q", p), #out, table.concat(out, "|"))
end
