local function count(...) return select('#', ...) end
print(count())
print(count(nil))
print(count(nil, nil))
print(count(1, nil, 3, nil))
print(count(count()))
print(count((count(1, 2))))
