local function chars(s)
  local i = 0
  return function()
    i = i + 1
    if i <= #s then return s:sub(i, i), i end
  end
end
for c, i in chars('lua') do print(i, c) end
local function evens(n)
  local i = 0
  return function() i = i + 2; if i <= n then return i end end
end
local out = {}
for e in evens(10) do out[#out + 1] = e end
print(table.concat(out, ','))
