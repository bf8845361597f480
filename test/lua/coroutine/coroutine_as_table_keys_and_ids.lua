local set = {}
local list = {}
for i = 1, 5 do
  local c = coroutine.create(function() return i end)
  set[c] = i
  list[i] = c
end
local total = 0
for i = 1, 5 do
  local ok, v = coroutine.resume(list[i])
  total = total + v + set[list[i]]
end
print(total)
