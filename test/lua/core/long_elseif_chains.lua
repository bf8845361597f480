-- An `if` with a long `elseif` chain compiles and runs (lua5.4 takes any
-- number of clauses): the first true condition's body runs, conditions are
-- evaluated in order and no further, in direct and resumable code, with
-- errors at the right line and the same line events under a hook.
local function chain(n, cond, body, orelse)
  local t = {}
  for i = 1, n do t[i] = (i == 1 and "if " or "elseif ") .. cond(i) .. " then " .. body(i) .. "\n" end
  if orelse then t[#t + 1] = "else " .. orelse .. "\n" end
  t[#t + 1] = "end\n"
  return table.concat(t)
end
local function eq(i) return "x == " .. i end

-- 20,000 clauses, each returning
local f = assert(load("local x = ...\n" .. chain(20000, eq, function (i) return "return " .. i * 2 end, "return -1")))
print(f(1), f(2), f(19999), f(20000), f(20001), f("x"))
print(coroutine.wrap(f)(20000), coroutine.wrap(f)(0))

-- conditions with side effects: evaluated in order, up to the first true one
local seen = {}
local g = assert(load("local x, seen = ...\n" .. chain(300, function (i)
  return "(function () seen[#seen + 1] = " .. i .. " return x == " .. i .. " end)()"
end, function (i) return "x = 'took " .. i .. "'" end) .. "return x"))
print(g(150, seen), #seen, seen[1], seen[150])
seen = {}
print(g(1000, seen), #seen, seen[300])
seen = {}
print(coroutine.wrap(g)(299, seen), #seen)

-- bodies that fall through, declare locals, loop and break, jump with goto
local h = assert(load("local x = ...\nlocal out = {}\nfor i = 1, 3 do\n" .. chain(200, eq, function (i)
  if i % 3 == 0 then return "local y = i * " .. i .. " out[#out + 1] = y"
  elseif i % 3 == 1 then return "while true do out[#out + 1] = " .. i .. " break end"
  else return "if i == 2 then goto continue end out[#out + 1] = -" .. i end
end, "local z = 'else' out[#out + 1] = z") .. "out[#out + 1] = '|'\n::continue::\nend\nreturn table.concat(out, ',')\n"))
for _, x in ipairs{1, 2, 3, 199, 200, 201} do print(x, h(x), coroutine.wrap(h)(x)) end

-- an error in a condition far down the chain
local e = assert(load("local x, t = ...\n" .. chain(100, function (i)
  return i == 90 and "t.y == 1" or eq(i)
end, function (i) return "return " .. i end)))
print(pcall(e, 95))
print(pcall(e, 5))
print(pcall(coroutine.wrap(e), 95))

-- line events
local k = assert(load("local x = ...\n" .. chain(100, eq, function (i) return "x = x + " .. i end, "x = 0") .. "return x\n"))
for _, x in ipairs{1, 50, 100, 101} do
  local lines = {}
  debug.sethook(function (_, l) lines[#lines + 1] = l end, "l")
  local r = k(x)
  debug.sethook()
  print(x, r, #lines, table.concat(lines, " ", 1, math.min(#lines, 8)), lines[#lines - 2], lines[#lines - 1])
end
