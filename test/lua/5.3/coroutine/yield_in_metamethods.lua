local co = coroutine.wrap(function()
  local t = setmetatable({}, {__add = function(a, b) return coroutine.yield("add") end,
    __lt = function() return coroutine.yield("lt") end, __concat = function() return coroutine.yield("concat") end,
    __len = function() return coroutine.yield("len") end, __eq = function() return coroutine.yield("eq") end})
  print("r1", t + 1)
  print("r2", t < t)
  print("r3", t .. "x")
  print("r4", #t)
  print("r5", t == setmetatable({}, getmetatable(t)))
  return "done"
end)
print(co()) print(co(10)) print(co(true)) print(co("cc")) print(co(7)) print(co(false))
