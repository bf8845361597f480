local log = {}
local closer = setmetatable({}, {__close = function(o, err) log[#log + 1] = 'closed err=' .. tostring(err) end})
local function it(_, i) if i < 3 then return i + 1 end end
for i in it, nil, 0, closer do log[#log + 1] = 'i=' .. i end
print(table.concat(log, ' '))
log = {}
for i in it, nil, 0, closer do
  if i == 2 then break end
  log[#log + 1] = 'i=' .. i
end
print(table.concat(log, ' '))
log = {}
local function f()
  for i in it, nil, 0, closer do
    if i == 1 then return 'returned' end
  end
end
print(f(), table.concat(log, ' '))
log = {}
print(pcall(function()
  for i in it, nil, 0, closer do error('boom', 0) end
end))
print(table.concat(log, ' '))
