local names = {'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  'globalThis', 'window', 'process', 'require', 'module', 'exports', 'console', 'Function', 'eval'}
local out = {}
for _, k in ipairs(names) do out[#out + 1] = k .. ':' .. type(_G[k]) end
print(table.concat(out, ' '))
local env = {}
print(env.constructor, env.toString, env.__proto__)
local f = load('return constructor, toString, __proto__, hasOwnProperty', 'x', 't', env)
print(f())
