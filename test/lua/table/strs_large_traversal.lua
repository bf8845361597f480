-- Traversals of tables with many string keys (from 1024 on, a table keeps
-- them in its hash part, which next() walks): every key once, clearing
-- fields during a traversal, keys that die and come back, growth between
-- traversals, numeric-looking string keys, and next() from a given key.
-- Output does not depend on the traversal order.

local function count(t)
  local n, sum = 0, 0
  for k, v in pairs(t) do
    n = n + 1
    if type(v) == "number" then sum = sum + v end
  end
  return n, sum
end

local function check_once(t, tag)
  local seen, n = {}, 0
  for k in pairs(t) do
    assert(not seen[k], "key seen twice: " .. tostring(k))
    seen[k] = true
    n = n + 1
  end
  for k in pairs(seen) do assert(t[k] ~= nil) end
  print(tag, n)
end

for _, size in ipairs({10, 1000, 2047, 2048, 2049, 5000, 20000}) do
  local t = {}
  for i = 1, size do t["k" .. i] = i end
  for i = 1, size, 7 do t[tostring(i)] = -i end   -- numeric-looking strings
  print(size, count(t))
  check_once(t, "once")

  -- clear every other field during a traversal (allowed), then traverse again
  for k, v in pairs(t) do
    if v % 2 == 0 then t[k] = nil end
  end
  print("cleared", count(t))
  check_once(t, "after clear")

  -- bring some of the cleared keys back, add new ones
  for j = 1, size, 3 do t["k" .. j] = j * 2 end
  for j = 1, size // 2 do t["new" .. j] = 1 end
  print("regrown", count(t))
  check_once(t, "after regrow")

  -- next() from an arbitrary key reaches the end without repeating it
  local start = next(t)
  local k, steps = start, 0
  repeat k = next(t, k); steps = steps + 1 until k == nil
  print("steps", steps, steps == (count(t)))

  -- clear everything during a traversal (the store gets compacted on the way)
  for k in pairs(t) do t[k] = nil end
  print("emptied", count(t), next(t))
  for j = 1, 3000 do t["z" .. j] = j end
  print("refilled", count(t))
  check_once(t, "after refill")

  -- fields set to nil and back with no other writes
  for j = 1, 3000 do t["z" .. j] = nil; t["z" .. j] = j + 1 end
  print("toggled", count(t))
end

-- a constructor with nil fields, then the fields set
local c = {a = nil, b = 1, c = nil}
c.a = 1; c.c = 3; c.d = 4
print(count(c))
check_once(c, "constructor")
for i = 1, 5000 do c["x" .. i] = i end
c.a = nil; c.a = 10
print(count(c))
check_once(c, "constructor grown")

-- invalid keys to next on a large table
local big = {}
for i = 1, 4000 do big["s" .. i] = i end
print(pcall(next, big, "nope"))
big.s1 = nil
-- (next from a dead key goes on from it: to another key, or to nil when it
-- was the last in lua5.4's order, which changes from run to run with the
-- string hash seed, so only that much is compared)
local ok, k2 = pcall(next, big, "s1")
print(ok, k2 == nil or big[k2] ~= nil)
