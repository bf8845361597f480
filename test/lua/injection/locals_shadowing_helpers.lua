local print_ = print
local type, tostring, select, pcall, error, setmetatable = 1, 2, 3, 4, 5, 6
print_(type, tostring, select, pcall, error, setmetatable)
local t = {}
t.x = 1
print_(t.x, #t, t[1])
local ok = _G.pcall(function() local n = nil; return n.f end)
print_(ok)
local a = {} .. '' == nil
