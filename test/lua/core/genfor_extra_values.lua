local function iter(s, c)
  print('state', s, 'control', c)
  if c < 2 then return c + 1, 'x', 'y', 'z' end
end
for a, b, c, d, e in iter, 'S', 0 do print(a, b, c, d, e) end
