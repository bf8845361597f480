local function p(...) local r = table.pack(pcall(...)) for i = 1, r.n do r[i] = tostring(r[i]) end print(r.n, table.concat(r, " ")) end
local M, m = math.maxinteger, math.mininteger
p(math.random, 0) p(math.random, -1) p(math.random, 2, 1) p(math.random, m, 0) p(math.random, -1, M) p(math.random, M, M - 1)
p(math.random, 1, 2, 3) p(math.random, 1.5) p(math.random, "x") p(math.random, nil) p(math.random, 1, nil)
p(math.randomseed) p(math.randomseed, "x") p(math.randomseed, {}) p(math.randomseed, 42) p(math.randomseed, 1.5) p(math.randomseed, "7")
p(math.random, 1, 1) p(math.random, M, M) p(math.random, m, m) p(math.random, 3, 3)
for i = 1, 200 do
  local a = math.random(); assert(math.type(a) == "float" and a >= 0 and a < 1)
  local b = math.random(10); assert(math.type(b) == "integer" and b >= 1 and b <= 10)
  local c = math.random(-5, 5); assert(c >= -5 and c <= 5)
  local d = math.random(m, -1); assert(d < 0)
  local e = math.random(0, M); assert(e >= 0)
  local f = math.random(M - 3, M); assert(f >= M - 3)
end
print(select('#', math.randomseed(1)))
math.randomseed(5); local x1 = math.random(1000); math.randomseed(5); print(x1 == math.random(1000))
