-- dialects: 5.4 5.3 5.1
-- A weak-valued table with many string keys (from 1024 on, Regolith keeps
-- them in the table's Map): the collector clears exactly the entries whose
-- values nothing else holds, and the table works on afterwards.

do
  local t = setmetatable({}, {__mode = "v"})
  local keep = {}
  for i = 1, 2000 do
    local v = {i}
    t["w" .. i] = v
    if i % 2 == 0 then keep[#keep + 1] = v end
  end
  collectgarbage(); collectgarbage()
  local n = 0
  for k, v in pairs(t) do
    assert(v[1] % 2 == 0 and t[k] == v)
    n = n + 1
  end
  print("weak", n, t.w2[1], t.w1)
end

do -- weak values and "__" keys, which stay in the string store
  local t = setmetatable({}, {__mode = "v"})
  local keep = {}
  for i = 1, 1500 do
    local a, b = {i}, {i}
    t["__w" .. i] = a; t["w" .. i] = b
    if i % 3 == 1 then keep[#keep + 1] = a; keep[#keep + 1] = b end
  end
  collectgarbage(); collectgarbage()
  local n = 0
  for k, v in pairs(t) do n = n + 1 end
  print("weak __", n, t.__w1[1], t.w4[1], t.__w2, t.w2)
  t.after = 1; t.__after = 2
  print(t.after, t.__after)
end
