local ok, e = pcall(error, setmetatable({msg = 'x'}, {__tostring = function(s) return 'E<' .. s.msg .. '>' end}))
print(ok, tostring(e))
print(ok, type(e))
