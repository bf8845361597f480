-- keep-traceback
-- A finalizer runs as metamethod '__gc'; the for iterator is named too.
local function f()
  local i = debug.getinfo(1)
  print(i.name, i.namewhat)
end
for i in f do end
setmetatable({}, {__gc = function()
  print(debug.getinfo(1, "n").namewhat, debug.getinfo(1, "n").name)
  print(debug.traceback("x"))
end})
collectgarbage()
