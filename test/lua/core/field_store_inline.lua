-- Stores to constant-key fields (the compiler writes present fields, nils
-- and revived dead fields inline): __newindex must be consulted exactly when
-- the field is absent (nil), also after it was set to nil; counts, next()
-- and # stay right through many nil/non-nil toggles.

local log = {}
local mt = {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end}
local o = setmetatable({a = 1}, mt)

local function setA(t, v) t.a = v end
local function setB(t, v) t.b = v end

for round = 1, 3 do
  setA(o, round)        -- present: raw
  setA(o, nil)          -- present -> nil: raw
  setA(o, round * 10)   -- absent (dead): __newindex
  setB(o, round)        -- absent first round: __newindex, then present
  setB(o, nil)
end
print(table.concat(log, " "))
print(o.a, o.b, rawget(o, "a"), rawget(o, "b"))

-- a metatable gaining and losing __newindex between stores
local p = setmetatable({}, {})
local function setX(t, v) t.x = v end
setX(p, 1); setX(p, nil)
getmetatable(p).__newindex = function(t, k, v) print("newindex", k, v) end
setX(p, 2); print(p.x)
getmetatable(p).__newindex = nil
setX(p, 3); print(p.x)
getmetatable(p).__newindex = function(t, k, v) print("newindex again", k, v) end
setX(p, 4); print(p.x)
setX(p, nil); print(p.x)

-- __newindex as a table
local store = {}
local q = setmetatable({y = 1}, {__newindex = store})
local function setY(t, v) t.y = v end
setY(q, 2); setY(q, nil); setY(q, 3)
print(rawget(q, "y"), store.y)

-- many toggles: the dead-key bookkeeping compacts the store now and then
local t = {}
local names = {}
for i = 1, 200 do names[i] = "f" .. i end
local function setf(tb, k, v) tb[k] = v end
local function toggle(tb)
  tb.f1 = 1; tb.f2 = 2; tb.f3 = 3
  tb.f1 = nil; tb.f2 = nil
  tb.f1 = 10
end
for i = 1, 200 do setf(t, names[i], i) end
for r = 1, 50 do
  toggle(t)
  for i = 4, 200, 2 do setf(t, names[i], nil) end
  for i = 4, 200, 4 do setf(t, names[i], -i) end
end
local n, sum = 0, 0
for k, v in pairs(t) do n = n + 1; sum = sum + v end
print(n, sum, t.f1, t.f2, t.f3)

-- clearing fields during a traversal, with constant-key stores
local r = {a = 1, b = 2, c = 3, d = 4}
for k in pairs(r) do r.a = nil; r.b = nil; r.c = nil; r.d = nil end
print(next(r))
r.a = 5; r.c = 6
local keys = {}
for k, v in pairs(r) do keys[#keys + 1] = k .. v end
table.sort(keys)
print(table.concat(keys, ","))

-- stores to non-tables and nil keys in the slow path
print(pcall(function() local s = "str"; s.x = 1 end))
print(pcall(function() local s; s.x = 1 end))
local ud = setmetatable({}, {__index = function() return "idx" end})
ud.z = nil; print(ud.z, rawget(ud, "z"))

-- in a coroutine (resumable code)
local co = coroutine.wrap(function()
  local c = setmetatable({}, mt)
  log = {}
  for i = 1, 2 do c.m = i; c.m = nil; coroutine.yield() end
  print(table.concat(log, " "))
end)
co(); co(); co()
