print(pcall(function() for k in 42 do end end))
print(pcall(function() local t = {} for k in t do end end))
print(pcall(function() for k in nil do end end))
for x in 'str' do end
