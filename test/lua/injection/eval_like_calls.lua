local eval = function(s) return 'lua eval got: ' .. s end
print(eval('1+1'))
local Function = function(...) return select('#', ...) end
print(Function('a', 'return a'))
local t = {eval = eval, Function = Function}
print(t.eval('x'), t.Function(1, 2, 3))
print(pcall(function() return setTimeout('x') end))
print(pcall(function() return require_js('fs') end))
