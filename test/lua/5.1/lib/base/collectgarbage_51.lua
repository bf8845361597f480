-- collectgarbage options of 5.1
print(type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage(), collectgarbage("collect"))
print(collectgarbage("setpause", 150), collectgarbage("setpause", 200), collectgarbage("setpause"))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 200))
print(collectgarbage("stop"), collectgarbage("restart"))
print(type(collectgarbage("step")), type(collectgarbage("step", 1000)))
local steps = 0
repeat steps = steps + 1 until collectgarbage("step") or steps > 100000
print(steps <= 100000)
print(pcall(collectgarbage, "bogus"))
print(pcall(collectgarbage, "isrunning"))
print(pcall(collectgarbage, "generational"))
print(pcall(collectgarbage, "incremental"))
print(pcall(collectgarbage, 1))
print(collectgarbage("setpause", 2.9), collectgarbage("setpause", "200"))
