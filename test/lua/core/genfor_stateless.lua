local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
for i, v in iter, {'a', 'b', 'c'}, 0 do print(i, v) end
local function range(n)
  return function(max, cur) if cur < max then return cur + 1 end end, n, 0
end
for i in range(4) do print('r', i) end
