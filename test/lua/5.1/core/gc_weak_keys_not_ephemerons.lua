-- 5.1's weak-keyed tables are not ephemerons: a value that refers to its own
-- key keeps the key alive; keys referred to by nothing else go.
local lim = 15
local a = setmetatable({}, {__mode = 'k'})
for i = 1, lim do a[{}] = i end
for i = 1, lim do local t = {}; a[t] = t end
for i = 1, lim do a[i] = i end
for i = 1, lim do local s = string.rep('@', i); a[s] = s .. '#' end
collectgarbage()
local n = 0
for k, v in pairs(a) do n = n + 1 end
print(n, 3 * lim)
