local obj = {}
function obj:toString() return 'my toString' end
function obj:valueOf() return 'my valueOf' end
function obj:constructor(x) return 'constructed ' .. x end
function obj:hasOwnProperty(k) return 'has? ' .. k end
function obj.eval(s) return 'eval ' .. s end
print(obj:toString(), obj:valueOf(), obj:constructor(1), obj:hasOwnProperty('k'), obj.eval('x'))
local plain = {}
print(pcall(function() return plain:toString() end))
print(pcall(function() return plain:valueOf() end))
print(pcall(function() return plain.constructor() end))
