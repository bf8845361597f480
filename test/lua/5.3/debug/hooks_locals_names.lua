local function trace(src)
  local l = {}
  local f = load(src)
  debug.sethook(function(e, line) l[#l+1] = line end, "l")
  f()
  debug.sethook()
  print(table.concat(l, ","))
end
trace("for i=1,4 do a=1 end")
trace("for i=1,3 do\n  a=i\nend\n")
trace("for i,v in pairs{'a','b'} do\n  a=tostring(i) .. v\nend\n")
trace("for i=1,0 do a=1 end b=2")
trace("for k in pairs{} do a=1 end b=2")
trace("local a=1\nwhile a<=3 do\n  a=a+1\nend\n")
local function locals()
  local t = {}
  for i = 1, 10 do
    local name, v = debug.getlocal(2, i)
    if not name or name == "(*temporary)" then break end
    t[#t+1] = name .. "=" .. (type(v) == "number" and tostring(v) or type(v))
  end
  return table.concat(t, " ")
end
for i = 1, 2, 1 do print(locals()) break end
for i = 1.0, 2 do print(locals()) break end
for k, v in next, {5} do print(locals()) end
local function va(...) return debug.getlocal(1, -1) end
print(va(7, 8))
print(debug.getlocal(0, 1))
print(pcall(debug.getlocal, 1, -1))
local f = load(string.dump(function() local x = 1 return x end, true))
local up = 5
local g = load(string.dump(function() return up end, true))
print((debug.getupvalue(g, 1)))
do
  local name
  setmetatable({}, {__gc = function()
    local t1, t2 = debug.getinfo(1, "n"), debug.getinfo(2, "n")
    name = tostring(t1.namewhat) .. ":" .. tostring(t1.name) .. "/" .. tostring(t2.namewhat) .. ":" .. tostring(t2.name)
  end})
  collectgarbage()
  print(name)
end
