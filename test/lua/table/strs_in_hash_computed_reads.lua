-- dialects: 5.4 5.3 5.1
-- Reads with computed string keys from a table whose string keys moved to
-- its hash part (1024 keys and more; table.ts, "Large string parts"):
-- generated code looks them up in the hash part inline. "__..." keys stay
-- in the string store, a miss is nil only without a metatable, and
-- __index still answers the misses.
local t = {}
for i = 1, 1500 do t["k" .. i] = i end
t.__kept = "event"
t[""] = "empty"
t._one = "one underscore"
t["__"] = "two"
local function get(tab, k) return tab[k] end
local keys = {"k1", "k1500", "k1501", "__kept", "__missing", "", "_one", "__", "_", "k" .. 750}
for _, k in ipairs(keys) do print(string.format("%q", k), get(t, k)) end

-- the same table given a metatable with __index (a function, then a table)
setmetatable(t, {__index = function(_, k) return "default " .. k end})
for _, k in ipairs(keys) do print(string.format("%q", k), get(t, k)) end
setmetatable(t, {__index = {k1501 = "from parent", __missing = "parent event", _ = "parent _"}})
for _, k in ipairs(keys) do print(string.format("%q", k), get(t, k)) end

-- updates, nils and new keys, read back with computed keys
setmetatable(t, nil)
t.k1 = nil; t.k2 = "two"; t.__kept = nil; t.__new = "new event"; t.k2000 = 2000
for _, k in ipairs({"k1", "k2", "__kept", "__new", "k2000", "k1999"}) do print(k, get(t, k)) end

-- a counting loop as k-nucleotide's, with an __index default
local freq = setmetatable({}, {__index = function() return 0 end})
local s = string.rep("ACGTTGCAAGCT", 300)
for i = 1, #s - 5 do local c = s:sub(i, i + 5) freq[c] = freq[c] + 1 end
local n, total = 0, 0
for k, v in pairs(freq) do n = n + 1 total = total + v end
print(n, total, freq.ACGTTG, freq.ZZZZZZ)
local big = setmetatable({}, {__index = function() return 0 end})
for i = 1, 3000 do local c = "key" .. (i % 2500) big[c] = big[c] + 1 end
print(big.key1, big.key2499, big.key2500, big.__index)
