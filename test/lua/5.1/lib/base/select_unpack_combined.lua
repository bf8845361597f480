-- select and unpack together over tables with holes
local t = {1, nil, 3, nil, 5}
print(select("#", unpack(t, 1, 5)), select(3, unpack(t, 1, 5)))
print(select(-2, unpack({"a", "b", "c"})))
local packed = {n = 3, "x", "y", "z"}
print(unpack(packed, 1, packed.n))
print(select("#", unpack({}, 5, 4)), select("#", unpack({}, -2, 0)))
