local seed = 777
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
local atoms = {"a", "b", ".", "%a", "%d", "[ab]", "[^a]", "%s", "%w", "(", ")", "()", "%b()", "%f[%w]", "x"}
local quants = {"", "", "*", "+", "-", "?"}
local subjects = {"", "a", "ab ab", "a1b2c3", "(a)(b)", " x y z ", "aaa"}
for i = 1, 600 do
  local p = {}
  for j = 1, rnd(4) do p[#p + 1] = atoms[rnd(#atoms)] .. quants[rnd(#quants)] end
  p = table.concat(p)
  local s = subjects[rnd(#subjects)]
  local init = rnd(8) - 4
  local ok, res = pcall(function()
    local acc = {}
    local n = 0
    for a, b in string.gmatch(s, p, init) do
      n = n + 1
      acc[#acc + 1] = tostring(a) .. "/" .. tostring(b)
      if n > 50 then break end
    end
    return table.concat(acc, ";")
  end)
  print(i, string.format("%q", p), string.format("%q", s), init, ok, res)
end
