-- Finalizers of objects still alive run when the state closes, latest marked
-- first; objects marked while closing are not finalized.
local mt = {__gc = function (o)
  print("closing", o.name)
  setmetatable({name = "made while closing"}, getmetatable(o))
end}
A = setmetatable({name = "A"}, mt)
B = setmetatable({name = "B"}, mt)
local c = setmetatable({name = "C"}, mt)
setmetatable({name = "D"}, {__gc = function () error("in D") end})
warn("@on")
print("end of chunk")
