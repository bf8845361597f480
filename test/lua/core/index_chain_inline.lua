-- Field reads and method calls through __index chains of tables (the
-- compiler follows a few links inline): rawset in between, __index
-- functions, metatables changing between calls, nil-valued fields, chains
-- longer than the inline part, and errors at every depth.

local function show(...) print(select('#', ...), ...) end

local Base = {}
Base.__index = Base
function Base.new(x) return setmetatable({x = x}, Base) end
function Base:get() return self.x end
function Base:kind() return "base" end

local Mid = setmetatable({}, {__index = Base})
Mid.__index = Mid
function Mid.new(x) return setmetatable({x = x}, Mid) end
function Mid:kind() return "mid" end

local Leaf = setmetatable({}, {__index = Mid})
Leaf.__index = Leaf
function Leaf.new(x) return setmetatable({x = x}, Leaf) end

local function probe(o, tag)
  -- the same sites, run for each object
  local r = {}
  for i = 1, 3 do
    r[#r + 1] = tostring(o.x) .. "/" .. tostring(o.missing) .. "/" .. tostring(o.kind and o:kind())
  end
  print(tag, table.concat(r, " "))
end

local function run()
  local b, m, l = Base.new(1), Mid.new(2), Leaf.new(3)
  for round = 1, 2 do
    probe(b, "base"); probe(m, "mid"); probe(l, "leaf")
    print(b:get(), m:get(), l:get())
  end

  -- rawset in between: an own field shadows the class, a class field
  -- shadows the superclass, then they go away again
  rawset(l, "kind", function() return "own" end)
  probe(l, "own")
  rawset(l, "kind", nil)
  probe(l, "own-removed")
  Leaf.kind = function() return "leaf" end
  probe(l, "leaf-method")
  Leaf.kind = nil
  probe(l, "leaf-removed")
  Mid.kind = nil
  probe(l, "mid-removed")
  Base.kind = nil
  probe(l, "base-removed")
  Base.kind = function() return "base again" end

  -- nil-valued fields
  local n = setmetatable({x = nil, y = false}, Base)
  print(n.x, n.y, n.get == Base.get, n.nothing)
  n.x = 5; print(n.x, n:get()); n.x = nil; print(n.x, n:get())

  -- __index functions at each depth
  local calls = 0
  local F = setmetatable({}, {__index = function(t, k) calls = calls + 1; return "f:" .. tostring(k) end})
  local G = setmetatable({}, {__index = F})
  local H = setmetatable({}, {__index = G})
  local I = setmetatable({}, {__index = H})
  for i = 1, 2 do print(F.a, G.b, H.c, I.d, calls) end
  rawset(G, "b", "raw b"); rawset(F, "a", "raw a")
  print(F.a, G.b, H.b, I.b, H.a, calls)

  -- __index that is not a table or function
  local bad = setmetatable({}, {__index = 42})
  print(pcall(function() return bad.x end))
  local bad2 = setmetatable({}, {__index = setmetatable({}, {__index = "str"})})
  print(pcall(function() return type(bad2.len) end))
  print(pcall(function() return bad2.x end))

  -- a metatable whose __index changes between calls, and a metatable swapped
  local mt = {__index = {v = "one"}}
  local o = setmetatable({}, mt)
  local function getv(t) return t.v end
  print(getv(o)); mt.__index = {v = "two"}; print(getv(o))
  mt.__index = nil; print(getv(o)); mt.__index = function() return "fn" end; print(getv(o))
  setmetatable(o, {__index = Base}); print(getv(o), o:kind())
  setmetatable(o, nil); print(getv(o), pcall(function() return o:kind() end))

  -- long chains (past the inline part), ending in a value and in nil
  local t = {deep = "bottom"}
  for i = 1, 10 do t = setmetatable({}, {__index = t}) end
  print(t.deep, t.nope)

  -- a metatable without __index but with other fields
  local plain = setmetatable({a = 1}, {__newindex = function() end, __tostring = function() return "P" end})
  print(plain.a, plain.b, tostring(plain))

  -- an __index chain through a table with a __index metamethod on its metatable's metatable (not consulted)
  local weird = setmetatable({}, setmetatable({}, {__index = function() return "from mt's mt" end}))
  print(weird.x)

  -- indexing non-tables
  print(pcall(function() local s = nil; return s.x end))
  print(pcall(function() local s = 3; return s.x end))
  print(type(("abc").len), ("abc"):upper())

  -- a chain cycle
  local c1, c2 = {}, {}
  setmetatable(c1, {__index = c2}); setmetatable(c2, {__index = c1})
  print(pcall(function() return c1.x end))
  show(pcall(function() return c1:m() end))
end

run()
print("-- in a coroutine")
coroutine.wrap(run)()
