-- Two closures of one prototype, each given its own _ENV by
-- debug.upvaluejoin: each instrumented twin (and its resumable variant)
-- reads globals, and makes nested closures, over its own environment.
local function mk() return function() return (function() return x end)() end end
local f1, f2 = mk(), mk()
local envA, envB = {x = "A"}, {x = "B"}
debug.upvaluejoin(f1, 1, function() return envA end, 1)
debug.upvaluejoin(f2, 1, function() return envB end, 1)
print(f1(), f2())
print(coroutine.wrap(f1)(), coroutine.wrap(f2)())
print(coroutine.wrap(f2)(), coroutine.wrap(f1)())
