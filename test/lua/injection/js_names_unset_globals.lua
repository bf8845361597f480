-- globals named like JavaScript builtins are simply nil in Lua
print(constructor, __proto__, toString, valueOf, hasOwnProperty, isPrototypeOf)
print(eval, arguments, this, undefined, NaN, Infinity, Object, Function, Array)
print(globalThis, window, process, require_, module, exports, console, JSON, Math, Symbol)
print(propertyIsEnumerable, toLocaleString, __defineGetter__, __lookupGetter__)
print(type(constructor), type(__proto__), type(toString))
