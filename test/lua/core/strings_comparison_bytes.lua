print('a' < 'B', 'B' < 'a', '\xff' > 'z', '' == '', 'abc' == 'abc')
local t = {'banana', 'Apple', 'cherry', 'apple', ''}
table.sort(t)
print(table.concat(t, ','))
print(('x'):rep(3, ','), ('ab'):byte(1, -1))
print(string.char(104, 105), #string.rep('ab', 1000))
