-- Generic for: three values (a fourth is ignored), iterators by name.
for k, v in next, {10, 20}, nil, {} do print(k, v) end
local function range(n)
  return function(s, c) if c < n then return c + 1 end end, nil, 0
end
for i in range(3) do io.write(i, " ") end print()
for i, v in ipairs({"a", "b", nil, "d"}) do io.write(i, v, " ") end print()
print(pcall(function() for k in nil do end end))
print(pcall(function() for k in 42 do end end))
print(pcall(function() local t = {} for k in t do end end))
local t = setmetatable({}, {__call = function(self, s, c) if not c then return 1 end end})
for k in t do print("callable table", k) end
