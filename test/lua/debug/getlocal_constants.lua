-- A compile-time constant (`<const>` with a constant value) has no register:
-- getlocal does not list it; other `<const>` locals are ordinary locals.
local a <const>, b <const> = 1, 2
local c <const>, d <const> = 3
local e <const> = 5, 6
local t <const> = {}
local s <const> = "str"
local n = 0
for i = 1, 8 do
  local name, v = debug.getlocal(1, i)
  print(i, name, type(v))
end
local function inner()
  return a + b + e, s, #t
end
print(inner())
print(debug.getupvalue(inner, 1), debug.getupvalue(inner, 2))
