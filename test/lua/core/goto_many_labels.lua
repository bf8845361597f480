-- blocks with many labels and gotos: compiled in linear time (20,000
-- goto/label lines took over 60 s), deep runs of backward gotos (past what
-- nested JS loops allow) behave as in lua5.4, and the parser's limit on
-- labels and pending gotos (32767) gives lua5.4's message
local function gen(n, fmt, head, tail)
  local t = {head or "local x = 0"}
  for i = 1, n do t[#t + 1] = fmt:format(i, i, i, i, i, i) end
  t[#t + 1] = tail or "return x"
  return table.concat(t, "\n")
end
-- forward gotos, one label per line
print(load(gen(2000, "x = x + 1 if x > 1e9 then goto l%d end ::l%d::"))())
print(load(gen(2000, "x = x + 1 if x %% 2 == 0 then goto l%d end x = x + 1 ::l%d::"))())
-- backward gotos, many in one block (a state machine past 100 nested loops)
print(load(gen(3000, "::l%d:: x = x + 1 if x < %d * 2 then goto l%d end"))())
-- closures made after a label capture a fresh local on each pass
local src = gen(150, [[
::l%d:: local v%d = x; fs[#fs + 1] = function() return v%d end; x = x + 1
if x %% 3 ~= 0 then goto l%d end]], "local x, fs = 0, {}", "local s = 0 for _, f in ipairs(fs) do s = s + f() end return x, #fs, s")
print(load(src)())
-- nested blocks, each with many backward labels
local parts = {"local x, log = 0, {}"}
for d = 1, 4 do
  parts[#parts + 1] = "do"
  for i = 1, 60 do
    parts[#parts + 1] = ("::d%d_%d:: x = x + 1 if x %% 7 == %d %% 7 and x < 5000 then goto d%d_%d end"):format(d, i, i, d, i)
  end
end
for d = 1, 4 do parts[#parts + 1] = "log[#log + 1] = x end" end
parts[#parts + 1] = "return x, table.concat(log, ',')"
print(load(table.concat(parts, "\n"))())
-- many gotos waiting for one label
print(load(gen(20000, "if x < 0 then goto done end x = x + 1", nil, "::done:: return x"))())
-- a goto into the scope of a local, found among many pending ones
print(load(gen(1000, "if x < 0 then goto done end x = x + 1", nil, "local y ::done:: return x")))
-- limits
local function try(src)
  local ok, f, msg = pcall(load, src)
  print(ok, type(f), msg)
end
try(gen(32767, "::l%d:: x = 1"))
try(gen(32768, "::l%d:: x = 1"))
try(gen(32767, "::l%d:: x = 1", nil, "while false do end return x"))
try(gen(32766, "::l%d:: x = 1", nil, "while false do end return x"))
try(gen(32767, "goto l%d ::l%d::"))
try(gen(32768, "goto l%d ::l%d::"))
try(gen(32767, "goto l%d"))
try(gen(32768, "goto l%d"))
try(gen(32767, "do ::l%d:: end"))
try("local function f() " .. gen(32766, "::l%d:: x = 1") .. " end local function g() ::a:: ::b:: end")
