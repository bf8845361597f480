local samples = {'\\', '\\n', '\\u{41}', '\\x41', "\\'", '\\"', '\\\\\\'}
for _, s in ipairs(samples) do
  local back = load('return ' .. string.format('%q', s))()
  print(s, #s, back == s)
end
