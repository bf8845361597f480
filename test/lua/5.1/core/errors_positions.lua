-- Error lines of multi-line expressions: the line of the last operand.
print(pcall(function()
  local a = nil
  return 1 +
    a
end))
print(pcall(function()
  local t = {}
  return t
    .x
    .y
end))
print(pcall(function()
  return - 
    {}
end))
print(pcall(function()
  return "a" ..
    {} ..
    "b"
end))
print(pcall(function()
  local f
  f
  (1)
end))
