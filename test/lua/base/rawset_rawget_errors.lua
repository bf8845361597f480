print(pcall(rawset, nil, 1, 2))
print(pcall(rawset, {}, 0/0, 1))
print(pcall(rawget, nil, 1))
print(pcall(rawget, {}))
print(pcall(rawset, {}, 1))
local t = {}
rawset(t, 1.0, 'float key normalised')
print(t[1], math.type(next(t)))
