local weak = setmetatable({}, {__mode = "k"})
weak[{}] = 1
local keep = {}
weak[keep] = 2
collectgarbage()
local n = 0 for k, v in pairs(weak) do n = n + 1 end
print(n, weak[keep])
local wv = setmetatable({}, {__mode = "v"})
wv[1] = {} wv[2] = keep wv[3] = "str" wv[4] = 10
collectgarbage()
print(wv[1], wv[2] == keep, wv[3], wv[4])
