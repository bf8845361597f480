local function a()
  local x = {}

  return x.y.z
end
local function b()
  return a()
end
print(pcall(b))
local t = {}
print(pcall(function()
  local v =
    t.a
    +
    1
  return v
end))
