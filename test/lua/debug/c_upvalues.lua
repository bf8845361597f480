-- Upvalues of library closures (gmatch iterator): empty names, ids, no joining.
local it = string.gmatch("x", "x")
print(debug.upvalueid(it, 1) ~= nil, debug.upvalueid(it, 4), debug.getupvalue(it, 1), debug.getupvalue(it, 2))
print(debug.upvalueid(it, 1) == debug.upvalueid(it, 1), debug.upvalueid(it,1) ~= debug.upvalueid(it, 2))
print(pcall(debug.upvaluejoin, it, 1, it, 2))
print(debug.getupvalue(print, 1), debug.upvalueid(print, 1))