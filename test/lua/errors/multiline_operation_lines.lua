-- The line of an error in an operation spanning lines: an arithmetic instruction has the
-- operator's line, a comparison the line of its right operand's last token, and a
-- constructor item's store (a nil key) the line of the item's last token, an index its `]` or name (found by the fuzzer)
print(select(2, pcall(function()
  return (1) <=
  "x"
end)))
print(select(2, pcall(function()
  return (1) <= ([[a
b]]):reverse()
end)))
print(select(2, pcall(function()
  return (1) + ([[a
b]]):reverse()
end)))
print(select(2, pcall(function()
  return 1 <
  {}
end)))
print(select(2, pcall(function()
  local t = {1, [
  nil] = 2}
end)))
print(select(2, pcall(function()
  local t = {("x"):rep(1), [nil] = 2
  }
end)))
print(select(2, pcall(function()
  local t = {[[a
b]], [nil] = 2}
end)))
print(select(2, pcall(function()
  local a = nil
  return 2 >
    a
end)))
print(select(2, pcall(function()
  return {} ==
    {} and nil <
    1
end)))
print(select(2, pcall(function()
  local n = 5
  return n[tostring([[a
b]])]
end)))
print(select(2, pcall(function()
  local n = 5
  return n
  .x
end)))
print(select(2, pcall(function()
  local n = 5
  return n[
  1
  ]
end)))
print(select(2, pcall(function()
  local t = {}
  return t.a
  .b
end)))
-- an operand ending on a later line does not move the operator's line
print(select(2, pcall(function()
  return #(function() end)(1, [[long
string]])
end)))
print(select(2, pcall(function()
  return true // (function() return 1 end)([[long
string]])
end)))
print(select(2, pcall(function()
  return nil .. select(2, [[long
string]], 1)
end)))
