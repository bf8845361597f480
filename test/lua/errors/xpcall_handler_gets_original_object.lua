local obj = {kind = 'custom'}
print(xpcall(function() error(obj) end, function(e) return e == obj, e.kind end))
print(xpcall(function() error(obj, 2) end, function(e) return e.kind end))
print(xpcall(function() error('str', 0) end, function(e) return '[' .. e .. ']' end))
print(xpcall(function() local x = 1 + nil end, function(e) return type(e) end))
