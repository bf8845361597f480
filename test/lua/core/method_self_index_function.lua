local Class = setmetatable({}, {__index = function(t, k)
  return function(self, ...) return k, self == t, select('#', ...) end
end})
print(Class:anything(1, 2))
print(Class.other(Class))
