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
-- Automatic collections find it too, also in debug mode (this chunk
-- mentions debug.sethook) and while a loop allocates.
local name
setmetatable({}, {__gc = function () name = debug.getinfo(1).name end})
repeat local a = {} until name
print(name)
local t = {}
setmetatable(t, {__gc = function () name = "t" end})
t = nil
repeat local a = {} until name == "t"
print(name)
