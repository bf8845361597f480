print(_VERSION)
print(_G._G == _G, _G._VERSION == _VERSION, _ENV == _G)
local names = {}
for _, k in ipairs({'assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load',
  'loadfile', 'next', 'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require',
  'select', 'setmetatable', 'tonumber', 'tostring', 'type', 'xpcall', 'coroutine', 'string', 'table', 'math'}) do
  names[#names + 1] = k .. ':' .. type(_G[k])
end
print(table.concat(names, ' '))
print(unpack, setfenv, getfenv, loadstring, module)
