local function f(...)
  local t = {...}
  return select('#', ...), t[1], t[2], t[3]
end
print(f(nil, 2, nil))
local t = table.pack(f(nil, nil))
print(t.n, t[1], t[2], t[3])
print(select('#', table.unpack({1, nil, 3}, 1, 3)))
