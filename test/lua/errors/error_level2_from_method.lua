local obj = {}
function obj:check(v) if type(v) ~= 'number' then error('expected number, got ' .. type(v), 2) end return v end
local function user() return obj:check('x') end
print(pcall(user))
local function user2() local r = obj:check('y') return r end
print(pcall(user2))
print(pcall(obj.check, obj, {}))
