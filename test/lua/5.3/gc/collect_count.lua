local before = collectgarbage("count")
print(math.type(before), before > 0)
local t = {}
for i = 1, 10000 do t[i] = {} end
print(collectgarbage("count") > before)
t = nil
print(collectgarbage(), collectgarbage("collect"))
print(collectgarbage("isrunning"))
collectgarbage("stop")
print(collectgarbage("isrunning"))
collectgarbage("restart")
print(collectgarbage("isrunning"))
print(collectgarbage("step", 1000))
