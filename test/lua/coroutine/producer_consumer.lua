local function producer()
  return coroutine.create(function()
    for _, item in ipairs({'apple', 'banana', 'cherry'}) do
      coroutine.yield(item)
    end
  end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local ok, item = coroutine.resume(src)
      if not item then break end
      coroutine.yield(item:upper())
    end
  end)
end
local function consumer(src)
  local out = {}
  while true do
    local ok, item = coroutine.resume(src)
    if not item then break end
    out[#out + 1] = item
  end
  return table.concat(out, ' ')
end
print(consumer(filter(producer())))
