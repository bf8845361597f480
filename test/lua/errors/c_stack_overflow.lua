-- nested calls through library functions stop at lua5.4's C-level limit
local depth = 0
local function r(s)
  depth = depth + 1
  return (s:gsub("a", function(c) return r(c) end))
end
print(pcall(r, "a"))
print(depth > 150 and depth < 250)
local function nest() return coroutine.wrap(nest)() end
local ok, err = pcall(nest)
print(ok, err:sub(-16))
