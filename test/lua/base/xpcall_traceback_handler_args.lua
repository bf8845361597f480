local function handler(...)
  return select('#', ...), ...
end
print(xpcall(error, handler, 'x', 0))
print(xpcall(function() error() end, handler))
print(xpcall(function() error(nil, 0) end, function(e) return e == nil end))
