local log = {}
local mt = {}
for _, e in ipairs{"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv", "band", "bor", "bxor", "shl", "shr", "bnot"} do
  mt["__" .. e] = function(a, b) return e end
end
local t = setmetatable({}, mt)
print(t + 1, t - 1, t * 1, t / 1, t % 1, t ^ 1, -t, t // 1, t & 1, t | 1, t ~ 1, t << 1, t >> 1, ~t)
print(1 + t, 1 - t, "2" * t, 2.5 & t)
print(pcall(function() return 1.5 & t end), 1 | t)
