local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = k
  rawset(t, k, v)
end})
t.a = 1
t.a = 2
t.b = 3
t.a = nil
t.a = 4
print(table.concat(log, ','), t.a, t.b)
