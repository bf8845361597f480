local t = {}
local cur = t
for i = 1, 50 do
  local nxt = {}
  setmetatable(cur, {__index = nxt})
  cur = nxt
end
cur.deep = 'found'
print(t.deep)
local loop = {}
setmetatable(loop, {__index = loop})
print(pcall(function() return loop.x end))
