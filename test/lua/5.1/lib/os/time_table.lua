-- os.time from a table: numeric fields (strings converted, floats truncated), defaults, missing fields
local function t(x) local r = os.time(x) return r and string.format("%.0f", r - os.time({year = 2000, month = 1, day = 1, hour = 0})) end
print(t({year = 2000, month = 1, day = 1, hour = 0}))
print(t({year = 2000, month = 1, day = 1}))
print(t({year = "2000", month = 1.9, day = "2", hour = 0, min = 30, sec = 15.5}))
print(t({year = 2000, month = 13, day = 1, hour = 0}) == t({year = 2001, month = 1, day = 1, hour = 0}))
print(t({year = 2000, month = 1, day = 0, hour = 0}), t({year = 2000, month = 1, day = 1, hour = -1}))
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = 1}))
print(pcall(os.time, {month = 1, day = 1}))
print(pcall(os.time, {year = {}, month = 1, day = 1}))
print(pcall(os.time, {year = "x", month = 1, day = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = "x"}))
print(pcall(os.time, 1))
print(pcall(os.time, "x"))
local tab = {year = 2000, month = 14, day = 40, hour = 0}
os.time(tab)
print(tab.month, tab.day, tab.yday, tab.wday)
print(type(os.time()), os.time() == math.floor(os.time()), os.time(nil) ~= nil)
