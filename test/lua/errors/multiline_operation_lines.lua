-- The line of an error in an operation spanning lines: an arithmetic instruction has the
-- operator's line, a comparison the line of its right operand's last token, and a
-- constructor item's store (a nil key) the line of the item's last token (found by the fuzzer)
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
