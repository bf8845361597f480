-- known-difference: a call with 500,000 arguments exceeds the JS stack (Regolith passes arguments as JS arguments; about 200,000 fit)
-- lua5.4 can return up to ~1M values from a C function (LUAI_MAXSTACK)
local s = string.rep("a", 500000)
print(select('#', s:byte(1, -1)))
local t = {s:byte(1, -1)}
print(#t, t[1], t[500000])
print(select('#', string.unpack(string.rep("b", 300000), string.rep("\1", 300000))))
