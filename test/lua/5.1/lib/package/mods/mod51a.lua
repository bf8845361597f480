-- a module written with module(): globals of the chunk go into the module
module("mod51a", package.seeall)
version = "1.0"
function hello(name) return "hello " .. name .. " from " .. _NAME end
local hidden = "local stays local"
function get_hidden() return hidden end
