local log = {}
local function gen()
  return coroutine.wrap(function()
    local guard <close> = setmetatable({}, {__close = function() log[#log + 1] = 'guard closed' end})
    for i = 1, 10 do coroutine.yield(i) end
  end)
end
local sum = 0
for v in gen() do
  sum = sum + v
  if v == 3 then break end
end
print(sum, #log)
