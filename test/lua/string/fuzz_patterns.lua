-- deterministic pseudo-random patterns over a small alphabet
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local atoms = {"a", "b", ".", "%a", "%d", "[ab]", "[^a]", "[a-c]", "%s", "%w", "%A", "[%d%s]", "%%", "(", ")", "()", "%1", "%b()", "%f[%a]", "%f[%A]", "^", "$", "x", "[]]", "[^]a]", "%.", "1", " "}
local quants = {"", "", "", "*", "+", "-", "?"}
local subjects = {"", "a", "ab", "aab b", "abc1 2 3", "(a(b)c)", "  xx yy ", "ba1ba2", "a.b.c", "1%2%3", "]]a]"}
local out = {}
for i = 1, 1500 do
  local n = rnd(5)
  local p = {}
  for j = 1, n do p[#p + 1] = atoms[rnd(#atoms)] .. quants[rnd(#quants)] end
  p = table.concat(p)
  local s = subjects[rnd(#subjects)]
  local r1 = {pcall(string.find, s, p)}
  local r2 = {pcall(string.match, s, p, rnd(4) - 2)}
  local r3 = {pcall(string.gsub, s, p, "<%0>")}
  local function fmt(r) for k = 1, #r do r[k] = tostring(r[k]) end return table.concat(r, ",") end
  print(i, string.format("%q", p), string.format("%q", s), fmt(r1), fmt(r2), fmt(r3))
end
