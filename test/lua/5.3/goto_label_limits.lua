-- 5.3: the label and pending-goto lists have lua5.3's limit (32767) and its message; many labels compile in linear time
local function gen(n, fmt, head, tail)
  local t = {head or "local x = 0"}
  for i = 1, n do t[#t + 1] = fmt:format(i, i, i, i, i, i) end
  t[#t + 1] = tail or "return x"
  return table.concat(t, "\n")
end
local function try(src) local ok, f, msg = pcall(load, src) print(ok, type(f), msg) end
try(gen(32767, "::l%d:: x = 1"))
try(gen(32768, "::l%d:: x = 1"))
try(gen(32767, "::l%d:: x = 1", nil, "while false do end return x"))
try(gen(32767, "goto l%d ::l%d::"))
try(gen(32768, "goto l%d ::l%d::"))
try(gen(32767, "goto l%d"))
try(gen(32768, "goto l%d"))
print(load(gen(3000, "::l%d:: x = x + 1 if x < %d * 2 then goto l%d end"))())
print(load(gen(2000, "x = x + 1 if x > 1e9 then goto l%d end ::l%d::"))())
