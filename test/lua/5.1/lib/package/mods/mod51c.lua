-- a module that returns its value without module()
local args = {...}
return {name = args[1], count = #args}
