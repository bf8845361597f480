-- Number keys: 1 and 1.0 are one key; keys beyond 2^53 keep their value.
local t = {}
t[1] = "a"; t[1.0] = "b"; t[2^53] = "c"; t[2^53 + 2] = "d"; t[-2^60] = "e"; t[0.5] = "f"
print(t[1], t[2^53], t[9007199254740994], t[-2^60], t[0.5], #t)
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
t[-0] = "z"
print(t[0])
print(pcall(function() t[0/0] = 1 end))
print(pcall(function() t[nil] = 1 end))
print(rawget(t, 2^53), next({[2^54] = true}))
