local obj = {n = 0}
function obj:count(k, ...)
  if k == 0 then return self.n, select('#', ...) end
  self.n = self.n + 1
  return self:count(k - 1, ...)
end
print(obj:count(1000000, 'a', 'b', 'c'))
local function vt(n, ...)
  if n == 0 then return ... end
  return vt(n - 1, ...)
end
print(vt(500000, 1, 2, 3))
