-- keep-traceback
-- A coroutine that died by an error keeps its stack for debug.traceback and getinfo.
function f(i)
  if i == 0 then error(i)
  else coroutine.yield(); f(i-1)
  end
end
co = coroutine.create(function (x) f(x) end)
a, b = coroutine.resume(co, 2)
while coroutine.status(co) == "suspended" do
  print(debug.traceback(co))
  a, b = coroutine.resume(co)
end
print(a, b)
print(debug.traceback(co))
print(debug.traceback(co, "msg", 1))
print(debug.traceback(co, nil, 3))
print(debug.getinfo(co, 0, "Sl").currentline, debug.getinfo(co, 1, "Sl").currentline)
print(debug.getinfo(co, 1, "n").name, debug.getinfo(co, 5))
-- a coroutine that ended normally has no levels
local ok = coroutine.create(function () return 1 end)
coroutine.resume(ok)
print(debug.traceback(ok), debug.getinfo(ok, 0))
