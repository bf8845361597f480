-- __metatable protects the metatable of tables and is what getmetatable returns
for _, v in ipairs{"locked", 0, false, true, {}} do
  local t = setmetatable({}, {__metatable = v})
  local got = getmetatable(t)
  print(type(v), got == v, pcall(setmetatable, t, nil))
end
local mt = {}
mt.__metatable = mt
local t = setmetatable({}, mt)
print(getmetatable(t) == mt, pcall(setmetatable, t, {}))
print(getmetatable("").__metatable, getmetatable(io.stdout).__metatable)
