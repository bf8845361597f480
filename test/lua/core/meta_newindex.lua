local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.x = 1
print(rawget(proxy, 'x'), store.x)
local log = {}
local p2 = setmetatable({existing = 1}, {__newindex = function(t, k, v)
  log[#log + 1] = tostring(k) .. '=' .. tostring(v)
  rawset(t, k, v * 2)
end})
p2.existing = 5
p2.new = 7
p2.new = 9
print(p2.existing, p2.new, table.concat(log, ' '))
local chain = setmetatable({}, {__newindex = setmetatable({}, {__newindex = function(t, k, v) print('deep set', k, v) end})})
chain.q = 'z'
print(rawget(chain, 'q'))
