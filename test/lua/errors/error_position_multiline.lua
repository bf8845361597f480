local function f(a,
                 b)
  local t = {}
  return t
    .x
    .y
end
print(pcall(f))
print(pcall(function()
  local s = 1 +
    nil
end))
