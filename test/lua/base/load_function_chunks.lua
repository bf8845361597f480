local parts = {'return ', '1 ', '+ ', '41'}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
local calls = 0
print(type(load(function() calls = calls + 1 return nil end)))
print(calls)
local g = load(function() return nil end)
print(type(g), g and g())
print(load(function() error('reader failed') end))
local pieces = {'ret', 'urn "split', ' token"'}
local j = 0
print(load(function() j = j + 1 return pieces[j] end)())
print(type(load(function() return '' end)))
