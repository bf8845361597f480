-- A plain pcall drops the stack of the errors it catches; an xpcall inside
-- it (or around it) still gives its handler the stack where the error was
-- raised.
local function lvl3() error("deep") end
local function lvl2() lvl3() end
local function lvl1() lvl2() end

print(pcall(function ()
  return xpcall(lvl1, debug.traceback)
end))

print(xpcall(function ()
  local ok, e = pcall(lvl1)
  print(ok, e)
  error("again")
end, debug.traceback))

print(pcall(xpcall, function () local t = nil; return t.x end, debug.traceback))

print(pcall(pcall, pcall, error, "nested"))

-- the handler runs where the error was raised: its own levels
print(pcall(function ()
  return xpcall(lvl1, function (m)
    local names = {}
    for level = 2, 5 do
      local info = debug.getinfo(level, "nl")
      names[#names + 1] = info and (tostring(info.name) .. ":" .. info.currentline) or "-"
    end
    return m .. " @ " .. table.concat(names, " ")
  end)
end))

-- error positions at several levels under pcall
local function at(level) error("level " .. level, level) end
for level = 1, 3 do print(pcall(at, level)) end
print(pcall(function () at(2) end))
print(pcall(function () local x = {} .. 1 end))
