local nan = 0/0
print(nan ~= nan, nan == nan)
print(string.format('%s', -(0/0)))
print(tostring(0/0):find('nan') ~= nil)
local t = {}
print(pcall(function() t[0/0] = 1 end))
print(t[0/0])
print(nan < 1, nan > 1, nan <= nan)
print(math.type(nan))
