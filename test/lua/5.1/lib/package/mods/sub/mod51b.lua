-- a nested module without seeall: only what it captured before module() is visible
local print, tostring = print, tostring
module(...)
value = 42
function show() return tostring(value) .. " in " .. _NAME .. " package '" .. _PACKAGE .. "'" end
