-- Names of JS's prototype machinery as keys, fields, globals, methods,
-- string methods and metatable keys: ordinary names, as in lua5.4.
local names = {'__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '__defineGetter__', '__lookupGetter__', 'isPrototypeOf', '__defineSetter__', 'propertyIsEnumerable', 'toLocaleString'}
for _, n in ipairs(names) do
  local t = {}
  local before = {t[n], rawget(t, n), _ENV[n], _G[n], string[n], ('x')[n], getmetatable('')[n], math[n]}
  t[n] = n .. '!'
  rawset(t, n .. '2', 1)
  _ENV[n] = 'global ' .. n
  local mt = setmetatable({}, {__index = function (_, k) return 'mt:' .. k end})
  local ok1, e1 = pcall(function () return ('x')[n]('y') end)
  local ok2, e2 = pcall(function () local s = 'abc' return s[n](s) end)
  local ok3, e3 = pcall(load('local s = "q" return s:' .. n .. '()', '=m'))
  local ok4, e4 = pcall(load('local t = {} return t:' .. n .. '()', '=t'))
  local obj = {[n] = function (self, a) return n .. ':' .. tostring(a) end}
  local count = 0
  for k, v in pairs(t) do count = count + 1 end
  print(n, #before, t[n], rawget(t, n .. '2'), _G[n], mt[n], count, next({[n] = 1}))
  print(n, ok1, e1, ok2, e2)
  print(n, ok3, e3, ok4, e4)
  print(n, obj[n](obj, 5), load('return ' .. n, '=g')(), ({[n] = 1})[n])
  _ENV[n] = nil
  print(n, _G[n], rawget(_G, n))
end
-- method calls through a table's metatable named like JS
local proxy = setmetatable({}, {__index = {constructor = function () return 'ctor' end, __proto__ = function () return 'proto' end}})
print(proxy:constructor(), proxy:__proto__(), pcall(function () return proxy:toString() end))
-- the string metatable answers only string library names
print(pcall(function () return ('s'):__lookupGetter__('length') end))
print(pcall(function () return ('s'):__defineGetter__('x', print) end))
print(string.len('abc'), ('abc'):len(), rawget(string, 'constructor'), rawget(getmetatable(''), 'constructor'))
-- functions are opaque values: no fields, no metatable
for _, f in ipairs({print, string.format, load('return 1'), function () end, coroutine.wrap(function () end)}) do
  print(getmetatable(f), pcall(function () return f.constructor end))
  print(pcall(function () return f:call() end))
end
