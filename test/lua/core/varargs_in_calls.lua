local function show(...) print(select('#', ...), ...) end
local function pass(...) return ... end
show(pass())
show(pass(1, 2))
show(pass(1, 2), pass(3, 4))
show(pass(nil, nil, nil))
show(pass(1, nil), 5)
local function mid(...) local a, b = ... return a, b end
print(mid(1))
print(mid(1, 2, 3))
