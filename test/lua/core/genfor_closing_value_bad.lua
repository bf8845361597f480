local function it(_, i) if i < 1 then return i + 1 end end
print(pcall(function() for i in it, nil, 0, 42 do end end))
print(pcall(function() for i in it, nil, 0, {} do end end))
print(pcall(function() for i in it, nil, 0, nil do print('nil ok', i) end end))
print(pcall(function() for i in it, nil, 0, false do print('false ok', i) end end))
