-- os.time and os.date("*t") round trip over many dates
local ok = true
for t = -86400 * 365 * 30, 86400 * 365 * 60, 86400 * 97 + 3671 do
  local d = os.date("*t", t)
  if os.time(d) ~= t then ok = false print("mismatch", t) break end
  local u = os.date("!*t", t)
  if u.sec ~= t % 60 then ok = false print("utc mismatch", t) break end
end
print(ok)
