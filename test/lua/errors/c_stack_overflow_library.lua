-- recursion through library functions and metamethods counts C levels as
-- lua5.4 does (LUAI_MAXCCALLS 200): the same message at the same depth
local depth
local function report(ok, msg) print(ok, msg, depth) end

-- a comparator that sorts again
local function sorter(n)
  depth = n
  local t = {3, 1, 2}
  table.sort(t, function(a, b) sorter(n + 1); return a < b end)
end
report(pcall(sorter, 0))

-- gsub callbacks
local function g(n) depth = n; return (("x"):gsub("x", function() return g(n + 1) end)) end
report(pcall(g, 0))

-- __tostring through string.format and tostring
local mt = {}
mt.__tostring = function() depth = depth + 1; return string.format("%s", setmetatable({}, mt)) end
depth = 0
report(pcall(tostring, setmetatable({}, mt)))
mt.__tostring = function() depth = depth + 1; return tostring(setmetatable({}, mt)) end
depth = 0
report(pcall(tostring, setmetatable({}, mt)))

-- nested pcall
local function p(n) depth = n; return select(2, pcall(p, n + 1)) end
report(p(0))

-- metamethods called by the VM
for _, event in ipairs{"__add", "__concat", "__len", "__eq", "__lt", "__index", "__newindex", "__unm"} do
  local m = {}
  local function new() return setmetatable({}, m) end
  local ops = {
    __add = function() return new() + 1 end,
    __concat = function() return new() .. "x" end,
    __len = function() return #new() end,
    __eq = function() return new() == new() end,
    __lt = function() return new() < new() end,
    __index = function() return new().x end,
    __newindex = function() new().x = 1 end,
    __unm = function() return -new() end,
  }
  m[event] = function() depth = depth + 1; return ops[event]() end
  depth = 0
  print(event, pcall(ops[event]))
  print(depth)
end

-- __close handlers that run more closes
local function closer(n)
  depth = n
  local x <close> = setmetatable({}, {__close = function() closer(n + 1) end})
end
report(pcall(closer, 0))

-- __index chains through rawget-free lookups, __tostring via __index
depth = 0
local s = setmetatable({}, {
  __index = function(t) depth = depth + 1; return string.format("%s", t) end,
  __tostring = function(t) return t.x end,
})
report(pcall(tostring, s))

-- a comparator calling a sorting function through a metamethod
depth = 0
local sm = {}
sm.__lt = function(a, b) depth = depth + 1; table.sort({setmetatable({}, sm), setmetatable({}, sm)}); return false end
report(pcall(table.sort, {setmetatable({}, sm), setmetatable({}, sm)}))

-- a comparator that sorts again, on tables with metamethods for access
local function proxySorter(n)
  depth = n
  local data = {3, 1, 2}
  local t = setmetatable({}, {__index = data, __newindex = data, __len = function() return #data end})
  table.sort(t, function(a, b) proxySorter(n + 1); return a < b end)
end
report(pcall(proxySorter, 0))
depth = 0
local im = {}
im.__index = function(t, k) depth = depth + 1; table.sort(setmetatable({}, im), function(a, b) return a < b end) end
im.__len = function() return 2 end
report(pcall(table.sort, setmetatable({}, im), function(a, b) return a < b end))
