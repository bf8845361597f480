-- dialects: 5.4 5.3
-- Tables with many string keys (from 1024 on, Regolith keeps them in the
-- table's Map, all but keys beginning with "__"): reads and writes with
-- constant and computed keys, fresh strings (string.sub, concatenation),
-- misses, nil stores and revivals, "__" keys, such tables as metatables,
-- __index tables, __newindex targets and environments, raw functions, next()
-- and its errors, and tables that shrink and grow again (weak values:
-- gc/strs_in_hash_weak.lua). Output does not depend on the traversal order.

local function count(t)
  local n, sum = 0, 0
  for _, v in pairs(t) do
    n = n + 1
    if type(v) == "number" then sum = sum + v end
  end
  return n, sum
end

local function big(n, prefix)
  local t = {}
  for i = 1, n do t[(prefix or "k") .. i] = i end
  return t
end

-- Around the switch: 1023, 1024, 1025 keys, and far past it.
for _, n in ipairs({1023, 1024, 1025, 3000}) do
  local t = big(n)
  local s = "xk" .. n .. "x"
  print(n, count(t), t.k1, t["k" .. n], t[s:sub(2, -2)], t.k0, t["k" .. (n + 1)])
end

do -- constant keys: read, overwrite, clear, revive
  local t = big(2000)
  t.k5 = 50; t.k6 = nil; t.k7 = nil; t.k7 = 70
  print(t.k5, t.k6, t.k7, t.k8, t.nothere, count(t))
  t.fresh = "f"; t.k1 = nil
  print(t.fresh, t.k1, count(t))
end

do -- computed keys: fresh strings for every access
  local t = big(4000)
  local src = "k1k2k3k4k5k6k7k8k9"
  local hits = 0
  for i = 1, #src - 1, 2 do
    local key = src:sub(i, i + 1)
    t[key] = t[key] + 1000
    hits = hits + t[key]
  end
  for i = 1, 4000, 3 do t["k" .. i] = nil end
  for i = 1, 4000, 6 do t["k" .. i] = -i end
  print(hits, count(t))
  local misses = 0
  for i = 4001, 4100 do if t["k" .. i] == nil then misses = misses + 1 end end
  print(misses, t[string.rep("k", 1) .. "2"], t[("_k3"):sub(2)])
end

do -- keys beginning with "__", and "_" alone
  local t = big(1500)
  t.__x = 1; t["__y"] = 2; t[("a__z"):sub(2)] = 3; t._w = 4; t[""] = 5
  print(t.__x, t.__y, t.__z, t["__" .. "x"], t._w, t[""], count(t))
  t.__x = nil; t[("__y")] = nil
  print(t.__x, t.__y, t.__z, count(t))
  t.__x = 10
  print(t.__x, rawget(t, "__x"), rawget(t, "__y"), count(t))
end

do -- a large table as a metatable and as an __index table (a class)
  local Class = big(2500, "m")
  Class.__index = Class
  function Class.get(self) return self.v end
  function Class:twice() return 2 * self:get() end
  local obj = setmetatable({v = 21}, Class)
  print(obj:get(), obj:twice(), obj.m7, obj["m" .. 8], obj.m9999)
  local sub = setmetatable({}, {__index = obj})
  print(sub.v, sub.m1, sub:twice(), sub["m" .. "2500"])
  Class.__newindex = function(t, k, v) rawset(t, k, v * 10) end
  obj.w = 3; obj["z" .. 1] = 4
  print(rawget(obj, "w"), rawget(obj, "z1"))
  Class.__index = function(_, k) return "fn:" .. k end
  print(obj.anything, obj["m" .. 1])
  Class.__len = function() return 99 end
  Class.__call = function(self, a) return "called " .. a end
  Class.__tostring = function() return "OBJ" end
  print(#obj, obj(5), tostring(obj))
end

do -- a large table as the target of __newindex and of __index chains
  local store = big(1200)
  local proxy = setmetatable({}, {__index = store, __newindex = store})
  proxy.k1 = "one"; proxy["new" .. 1] = "n1"
  print(store.k1, store.new1, proxy.k1, proxy.new1, rawget(proxy, "k1"), proxy.k1200, proxy.k1201)
end

do -- a large table as an environment
  local env = big(1100, "g")
  setmetatable(env, {__index = _G})
  local f = load("g1 = g1 + 1; newglobal = g2 + g1; return g1, newglobal, type(print), g1101", "=env", "t", env)
  print(f())
  print(env.g1, env.newglobal, rawget(env, "print"))
end

do -- raw functions and next()
  local t = big(1300)
  rawset(t, "r1", 1); rawset(t, "k1", nil)
  print(rawget(t, "r1"), rawget(t, "k1"), rawget(t, "k2"), rawlen(t), rawequal(t, t))
  print(pcall(next, t, "not-a-key"))
  local k = next(t)
  local k2 = next(t, k)
  print(type(k), type(k2), k ~= k2)
  -- clearing every field during a traversal (allowed)
  local seen = 0
  for key in pairs(t) do t[key] = nil; seen = seen + 1 end
  print(seen, next(t), count(t))
  -- and it grows again
  for i = 1, 3000 do t["again" .. i] = i end
  print(count(t))
end

do -- array part alongside a large string part
  local t = big(2000)
  for i = 1, 100 do t[#t + 1] = i end
  table.insert(t, 1, 0); table.insert(t, "last")
  print(#t, t[1], t[2], t[#t], t.k1999, select("#", table.unpack(t)))
  local n = 0
  for i, v in ipairs(t) do n = n + 1 end
  print(n, count(t))
end

do -- a string part that shrinks to nothing and grows back, with "__" keys
  local t = big(5000)
  t.__keep = "kept"
  for i = 1, 5000 do t["k" .. i] = nil end
  print(count(t), t.__keep, t.k1)
  for i = 1, 50 do t["__e" .. i] = i; t["__e" .. i] = nil; t["__e" .. i] = -i end
  print(count(t))
end
