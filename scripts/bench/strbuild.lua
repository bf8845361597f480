-- Microbenchmark: string building: table.concat of many pieces (with
-- tostring/number-to-string conversion) and repeated `..` in a loop.
-- usage: strbuild.lua [REPS [PIECES]]   (default 10 x 100000)
local A1, A2 = ...  -- script arguments (as lua.c passes them)
local reps = tonumber(A1) or 10
local pieces = tonumber(A2) or 100000
local concat = table.concat

local total = 0
for r = 1, reps do
  local parts = {}
  for i = 1, pieces do
    parts[i] = "item" .. i
  end
  local a = concat(parts, ",")
  local b = ""
  for i = 1, pieces // 20 do
    b = b .. (i % 10)
  end
  local line = ""
  for i = 1, pieces // 5 do
    line = "<" .. i .. ":" .. r .. ">"
    total = total + #line
  end
  total = total + #a + #b
end
print(total)
