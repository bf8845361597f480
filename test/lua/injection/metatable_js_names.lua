local mt = {
  __index = function(t, k) return 'idx:' .. k end,
}
local obj = setmetatable({}, mt)
print(obj.constructor, obj.__proto__, obj.toString, obj.valueOf, obj.then_, obj['then'])
print(obj.prototype, obj.length, obj.call, obj.apply)
local plain = {}
print(plain['then'], plain.catch, plain.finally)
print(getmetatable(obj).constructor, getmetatable(obj).__proto__)
