-- load's env argument: anything goes, and code sees exactly that env.
local envs = {
  {}, {constructor = 1, __proto__ = 2, toString = 3}, setmetatable({}, {__index = function (_, k) return 'idx:' .. k end}),
  setmetatable({}, {__index = _G, __newindex = function (t, k, v) rawset(t, k, 'nw:' .. tostring(v)) end}),
  setmetatable({}, {__index = function (_, k) error('no ' .. k) end}), 'a string', 42, print, false,
}
for i, env in ipairs(envs) do
  local f = load('x = 1; return constructor, __proto__, toString, valueOf, x, _ENV == ...', 'env' .. i, 't', env)
  print(i, type(env), pcall(f, env))
end
-- nil env (explicit) and the default
print(pcall(load('return x', 'nil env', 't', nil)))
print(pcall(load('return type(print)', 'default')))
-- an env whose __index chain names JS globals
local e = setmetatable({}, {__index = setmetatable({}, {__index = function (_, k) return k .. '?' end})})
print(load('return globalThis, process, Function, require, module, exports, this, self, window', '=js', 't', e)())
-- a binary chunk's first upvalue is the env
local dumped = string.dump(load('return constructor, y', '=d'))
print(load(dumped, '=b', 'b', {constructor = 'c', y = 'y'})())
print(pcall(load(dumped, '=b', 'b', 7)))
