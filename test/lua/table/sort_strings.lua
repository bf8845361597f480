-- sorting strings: byte order, prefixes, numbers as strings
local t = {'10', '9', '100', '1', '09', '-1', '1e2', ' 1'}
table.sort(t)
print(table.concat(t, ','))
t = {'abc', 'ab', 'abcd', 'a', '', 'b', 'abd', 'aba'}
table.sort(t)
print(table.concat(t, ','))
t = {'Zebra', 'apple', 'Mango', 'banana', '_x', '~y', '0z'}
table.sort(t)
print(table.concat(t, ','))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ','))
-- mixing numbers and strings is an error
print(pcall(table.sort, {'1', 2}))
print(pcall(table.sort, {1, '2', 3}))
