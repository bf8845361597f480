local acc = coroutine.wrap(function(first)
  local total = first
  while true do
    local nxt = coroutine.yield(total)
    if nxt == nil then break end
    total = total + nxt
  end
  return 'total=' .. total
end)
print(acc(1))
print(acc(2))
print(acc(3))
print(acc(nil))
