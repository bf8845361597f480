local constructor, prototype, toString, valueOf = 1, 2, 3, 4
local eval, arguments, this, undefined = 'e', 'a', 't', 'u'
local NaN, Infinity, var, let, class, new = 5, 6, 7, 8, 9, 10
local yield, await, static, delete, typeof, instanceof = 11, 12, 13, 14, 15, 16
local void, with, switch, case, default, catch, finally, throw, try = 17, 18, 19, 20, 21, 22, 23, 24, 25
local hasOwnProperty, __proto__, __defineGetter__, Object, Array, globalThis = 26, 27, 28, 29, 30, 31
local process, require_, module, exports, console, Symbol = 32, 33, 34, 35, 36, 37
print(constructor, prototype, toString, valueOf)
print(eval, arguments, this, undefined)
print(NaN, Infinity, var, let, class, new)
print(yield, await, static, delete, typeof, instanceof)
print(void, with, switch, case, default, catch, finally, throw, try)
print(hasOwnProperty, __proto__, __defineGetter__, Object, Array, globalThis)
print(process, require_, module, exports, console, Symbol)
