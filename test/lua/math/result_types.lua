-- which functions return integers and which floats
local function t(v) return math.type(v) end
print(t(math.floor(1.5)), t(math.ceil(1.5)), t(math.floor(2^70)), t(math.abs(-1)), t(math.abs(-1.0)))
print(t(math.fmod(5, 3)), t(math.fmod(5.0, 3)), t(math.modf(5)), t(select(2, math.modf(5))))
print(t(math.sqrt(4)), t(math.exp(0)), t(math.log(1)), t(math.sin(0)), t(math.deg(0)), t(math.rad(0)))
print(t(math.max(1, 2)), t(math.max(1.0, 2)), t(math.max(1, 2.0)), t(math.min(1, 2.0)))
print(t(math.random(1, 2)), t(math.random(5)), t(math.random(0)), t(math.random()))
print(t(math.tointeger(5.0)), t(math.pi), t(math.huge), t(math.maxinteger))
