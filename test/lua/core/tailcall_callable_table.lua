local c = setmetatable({}, {__call = function(self, n)
  if n == 0 then return 'done' end
  return self(n - 1)
end})
print(c(200000))
