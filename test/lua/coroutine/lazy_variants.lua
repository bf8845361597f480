-- keep-traceback
-- dialects: 5.4 5.3
-- Resumable variants are compiled when a closure of the chunk first runs
-- resumably (runtime/loader.ts compileVariants): upvalues shared with direct
-- closures, closures made by resumable code, a function with its own _ENV,
-- and error positions and tracebacks inside the variants' own script.
local n = 0
local function counter() n = n + 1; return function() n = n + 10; return n end end
local inc = counter()
print(inc())
local co = coroutine.wrap(function()
  local inner = counter()          -- a closure made by resumable code
  coroutine.yield(inner())
  coroutine.yield(inc())
  return n
end)
print(co(), co(), co(), n)

local function reader() return x end
local own = {x = "own env"}
debug.upvaluejoin(reader, 1, function() return own end, 1)
print(reader(), coroutine.wrap(reader)())

local ok, err = coroutine.resume(coroutine.create(function()
  local t = nil
  return t.field
end))
print(ok, err)

local function level3() error("deep", 2) end
local function level2() level3() end
print(select(2, pcall(coroutine.wrap(function() level2() end))))
print(coroutine.wrap(function()
  local function where() return debug.traceback("inside", 1) end
  return where()
end)())
local co2 = coroutine.create(function() local a = {} ; coroutine.yield(); return a.b.c end)
coroutine.resume(co2)
print(coroutine.resume(co2))
print(debug.traceback(co2))
