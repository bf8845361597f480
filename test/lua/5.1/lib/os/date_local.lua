-- local dates (the process's time zone): fields agree with formatted output
local t = 1700000000
local d = os.date("*t", t)
print(os.date("%Y-%m-%d %H:%M:%S", t) == string.format("%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month, d.day, d.hour, d.min, d.sec))
print(os.time(d) == t, os.date("%j", t) + 0 == d.yday, os.date("%w", t) + 1 == d.wday)
print(type(os.date("%Z", t)), os.date("%p", t) == (d.hour < 12 and "AM" or "PM"))
