local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function(x)
    local s = x
    while true do s = s + coroutine.yield(s) end
  end)
end
local total = 0
for round = 1, 3 do
  for i = 1, #cos do
    local ok, v = coroutine.resume(cos[i], i)
    total = total + v
  end
end
print(total)
