-- Weak tables are cleared by collectgarbage(); the garbage is made inside
-- functions, so that no frame still holds it.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local keep = {}

local wk = setmetatable({}, {__mode = 'k'})
local wv = setmetatable({}, {__mode = 'v'})
local wkv = setmetatable({}, {__mode = 'kv'})
local function fill()
  for i = 1, 10 do
    wk[{}] = i; wk[i] = {}; wk["s" .. i] = {}
    wv[i] = {}; wv["s" .. i] = {}; wv[{}] = {}; wv[i + 0.5] = "str" .. i
    wkv[{}] = i; wkv[i] = {}; wkv["k" .. i] = "v"; wkv[function () end] = true
  end
  wk[keep] = 1; wv[20] = keep; wv.keep = keep; wkv[keep] = keep
  wk[print] = "f"; wv.p = print   -- reachable functions stay
end
fill()
collectgarbage()
print(count(wk), count(wv), count(wkv), #wv, wv[20] == keep, wv.keep == keep, wkv[keep] == keep)
print(wk[keep], wk[print], wv.p == print, wv[1.5], wkv.k3)

-- the array part shrinks when its last values go
local arr = setmetatable({}, {__mode = 'v'})
local function fillArr() for i = 1, 5 do arr[i] = {} end arr[2] = keep; arr[6] = "x" end
fillArr()
print(#arr)
collectgarbage()
print(arr[1], arr[2] == keep, arr[6])

-- keys that are strings, numbers, booleans are never cleared
local wb = setmetatable({}, {__mode = 'kv'})
wb[true] = 1; wb[false] = 2; wb[1.25] = 3; wb[math.maxinteger] = 4; wb["x"] = "y"
collectgarbage()
print(count(wb))

-- ephemerons: a value refers to its own key, or to the key of the next entry
local eph = setmetatable({}, {__mode = 'k'})
local head
local function chain()
  local x
  for i = 1, 50 do local n = {}; eph[n] = {k = {x}}; x = n end
  head = x
end
chain()
local function cycle() local a = {}; eph[a] = a; local b = {}; eph[b] = {b} end
cycle()
collectgarbage()
local function walk() local n, i = head, 0; while n do n = eph[n].k[1]; i = i + 1 end; return i end
print(walk(), count(eph))
head = nil
collectgarbage()
print(count(eph))

-- a traversal survives a collection in the middle (order is kept)
local t = setmetatable({}, {__mode = 'v'})
local kept = {}
local function fillT()
  for i = 1, 20 do local v = {}; kept[i] = v; t["k" .. i] = v; t[v] = v; t[i] = v end
end
fillT()
local function traverse()
  local seen, dup = 0, {}
  for k, v in pairs(t) do
    assert(not dup[k]); dup[k] = true
    seen = seen + 1
    if seen == 25 then collectgarbage() end
  end
  return seen
end
print(traverse(), count(t))

-- mode read from the metatable at collection time; a table made strong again keeps everything
local mt = {__mode = 'v'}
local s = setmetatable({}, mt)
local function fillS() s[1] = {}; s[2] = {} end
fillS()
mt.__mode = nil
collectgarbage()
print(count(s))
mt.__mode = 'v'
collectgarbage()
print(count(s))
