-- Fuzzer finding: string constants in error messages are shown as lua5.4's C
-- strings (up to the first NUL), and a <const> string variable by its value.
print(pcall(function() return "\0x\0" | 1 end))
print(pcall(function() return "a\0b" + {} end))
local t = {}
print(pcall(function() return t["k\0z"].y end))
print(pcall(function() t["k\0z"]() end))
local s <const> = "q\0r"
print(pcall(function() return s | 1 end))
print(pcall(function() return ~"ab\0" end))
local s <const> = "hello"
print(pcall(function() return s | 1 end))
local function f() local k <const> = "kv" return k + 1 end print(pcall(f))
local g <const> = "gg" print(pcall(function() return g.x.y end))
