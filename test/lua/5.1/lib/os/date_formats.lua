-- os.date: each conversion through strftime; unknown ones are copied
local t = 86400 * 45 + 3600 * 15 + 61
local out = {}
for c = 33, 126 do
  local ch = string.char(c)
  if ch ~= "s" and ch ~= "Z" then out[#out + 1] = ch .. "=[" .. os.date("!%" .. ch, t) .. "]" end
end
print(table.concat(out, " "))
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%c", 0))
print(os.date("!%x %X %p %I %j %U %W %w %a %A %b %B", 1e9))
print(os.date("!%E"), os.date("!%Ec", 0), os.date("!%Oy", 0), os.date("!%", 0), os.date("!a%", 0), os.date("!%%", 0))
print(os.date("!*tx", 0), os.date("!", 0), os.date("", 0))
print(os.date("!%H", 3600.9), os.date("!%H", -1), os.date("!%Y", "86400"))
print(os.date("!%Y", 2^40), os.date("!%Y", 2^60), os.date("!%Y", -2^60))
print(os.date("!%d\0%m", 0))
print(pcall(os.date, "%c", "x"))
print(pcall(os.date, {}))
print(type(os.date()), type(os.date("%c")))
