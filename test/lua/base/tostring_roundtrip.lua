local vals = {0, 1, -1, 42, 3.5, -2.25, 1e10, 123456, 0.5, 1/8, 2^52, math.maxinteger, math.mininteger}
for _, v in ipairs(vals) do
  local s = tostring(v)
  local back = tonumber(s)
  print(s, back == v, math.type(back) == math.type(v))
end
