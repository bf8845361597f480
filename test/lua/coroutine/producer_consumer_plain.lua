local function producer()
  return coroutine.create(function()
    for _, item in ipairs({'apple', 'banana', 'cherry'}) do
      coroutine.yield(item)
    end
    return 'eof'
  end)
end
local p = producer()
while true do
  local ok, item = coroutine.resume(p)
  print(ok, item, coroutine.status(p))
  if coroutine.status(p) == 'dead' then break end
end
