-- os.date and os.time: fixed times, UTC formats and normalisation
local times = {0, 1, 86399, -1, -86401, 951782400, 2^31 - 1, 2^31, -2^31, 253402300799, 2^40, -2^40}
for _, t in ipairs(times) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %a %A %b %B %j %u %w %U %W %V %G %g %y %C %p %I", t))
  print(os.date("!%c|%x|%X|%D|%F|%R|%T|%r|%e|%h|%n|%t|%%|%Ec|%EY|%Od|%OS", t))
end
local d = os.date("!*t", 1e9)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
print(os.date("!", 5), os.date("", 5), #os.date(("%d"):rep(100), 0))

-- os.time normalises the table it is given
local t = {year = 2005, month = 1, day = 1, hour = 1, min = 0, sec = -3602}
local r = os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst)
t = {year = 2024, month = 14, day = -40, hour = -3}
r = os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday)
t = {year = "2000", month = "2", day = 29.0}
os.time(t)
print(t.year, t.month, t.day, t.hour)

-- os.time and os.date agree, at any year an int holds
for _, y in ipairs{-5000, 0, 1, 1582, 1900, 1969, 1970, 2000, 2038, 9999, 10000, 300000, 2^31 + 1899} do
  local s = os.time{year = y, month = 3, day = 1, hour = 0}
  print(y, os.date("%Y-%m-%d %H:%M:%S %j", s) == os.date("%Y-%m-%d %H:%M:%S %j", s) and os.date("*t", s).year == y)
end
print(pcall(os.time, {year = 2^31 + 1899, month = 12, day = 31, hour = 23, min = 59, sec = 60}))
print(pcall(os.date, "%Y", 2^60))
print(pcall(os.date, "!%Y", -2^60))
print(os.date("!%Y", 2^55), os.date("!%Y", -2^55))

-- errors
print(pcall(os.time, {}))
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, hour = 1.5}))
print(pcall(os.time, {year = 2000, month = 1, day = 1, min = "x"}))
print(pcall(os.time, {year = 2000, month = 1, day = 2^32}))
print(pcall(os.time, {year = -2^31 + 1899, month = 1, day = 1}))
print(pcall(os.time, 5))
print(pcall(os.date, "%", 0))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "%Q", 0))
print(pcall(os.date, "%Y", 1.5))
print(pcall(os.date, {}, 0))

-- difftime
print(os.difftime(10, 3), os.difftime(0, 2^62), math.type(os.difftime(1, 1)))
print(pcall(os.difftime, 1))
print(pcall(os.difftime, 1.5, 1))
print(math.type(os.time()), os.time() - os.time(os.date("*t")) <= 1)
