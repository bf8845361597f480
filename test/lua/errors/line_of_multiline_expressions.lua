-- Error lines of expressions spread over several lines (errors.lua
-- "testing line error"): calls take the line where the called expression
-- starts, operators their own line, the generic-for call the explist's line,
-- and arguments are evaluated before a call fails
local function le(s)
  local _, msg = pcall(load(s))
  print(msg)
end
le("local a\n for i=1,'a' do \n print(i) \n end")
le("\n local a \n for k,v in 3 \n do \n print(k) \n end")
le("\n\n for k,v in \n 3 \n do \n print(k) \n end")
le("function a.x.y ()\na=a+1\nend")
le("a = \na\n+\n{}")
le("a = \n3\n+\n(\n4\n/\nprint)")
le("a = \nprint\n+\n(\n4\n/\n7)")
le("a\n=\n-\n\nprint\n;")
le("a =\n#\nnil")
le("a =\n~\n\n{}")
le("local x =\n\n-{}")
le("local x, y = 1,\n\n-{}")
le("a\n(\n23)\n")
le("local a = {x = 13}\na\n.\nx\n(\n23\n)\n")
le("local a = {x = 13}\na\n.\nx\n(\n23 + a\n)\n")
le("local a = {x = 13}\na\n:\nx\n(\n23\n)\n")
le("print(1,\n2,\n{} .. 'x')")
le("local t = setmetatable({}, {__call = 1})\nt(print('evaluated first'))")
le("undefinedfn(print('evaluated first too'))")
le("local t = {}\nt.x.y(print('and this'))")
local function f() print("called once") return 1 end
print(~f())
print(pcall(load("return coroutine.wrap(function() local z = nil\n z(print('in a coroutine'),\n 2 + {}) end)()")))
-- a __call handler that is not callable is reported with the called value's name
local t2 = setmetatable({}, {__call = setmetatable({}, {__call = function(self, a, b) return a, b end})})
print(select(2, t2(1, 2)))
print(pcall(setmetatable({}, {__call = {}})))
local o = {m = setmetatable({}, {__call = true})}
print(pcall(function() return o:m() end))
print(pcall(function() return o.m() end))
