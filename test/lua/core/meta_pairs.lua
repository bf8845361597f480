local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function(s, c)
    i = i + 1
    if i <= 3 then return i, i * i end
  end, self, nil
end})
for k, v in pairs(t) do print(k, v) end
local u = setmetatable({a = 1}, {__pairs = function(self) return next, {z = 26}, nil end})
for k, v in pairs(u) do print(k, v) end
local ks = 0
for k in next, u do ks = ks + 1 end
print(ks)
