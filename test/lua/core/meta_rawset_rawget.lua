local t = setmetatable({}, {
  __index = function() return 'meta' end,
  __newindex = function() error('no writes') end,
})
rawset(t, 'k', 'raw')
print(t.k, rawget(t, 'k'), rawget(t, 'other'), t.other)
print(pcall(function() t.z = 1 end))
print(rawequal(t, t), rawequal(t, {}), rawequal('a', 'a'), rawequal(1, 1.0))
print(rawlen({1, 2, 3}), rawlen('abcd'))
print(pcall(rawlen, 5))
print(pcall(rawset, {}, nil, 1))
print(pcall(rawget, 'str', 1))
print(rawset(t, 'a', 1) == t)
