--8<-- 1
local x <
--8<-- 2
local x <const
--8<-- 3
local x <const>
--8<-- 4
local x < const > = 1
--8<-- 5
local x <foo>
--8<-- 6
local x <foo> = 1
--8<-- 7
local x <1> = 1
--8<-- 8
local x <close>, y <close> = 1, 2
--8<-- 9
local x <const> = 1; x = 2
--8<-- 10
local x <const>, y = 1, 2; y = 3
--8<-- 11
local x <const>, y = 1, 2; x = 3
--8<-- 12
local x <close> = nil; x = 1
--8<-- 13
local x <const> = {}; x.a = 1
--8<-- 14
local x <const> = 1; local function f() x = 2 end
--8<-- 15
local x <const> = 1; function x() end
--8<-- 16
local x <const> = 1; function x.y() end
--8<-- 17
local x <close> = 1; for x = 1, 2 do x = 3 end
--8<-- 18
local a <const> = 1; a, b = 1, 2
--8<-- 19
local a <const> = 1; b, a = 1, 2
--8<-- 20
local a <const> = 1; a.b, a = 1, 2
--8<-- 21
local function f() local x <const> = 1; return function() x = 1 end end
--8<-- 22
local x <const> = 1 + 2; x = 3
--8<-- 23
local x <const> = f(); local function g() x = 1 end
--8<-- 24
local x <close> = f(); local function g() return function() x = 1 end end
--8<-- 25
local a <const>, b <close> = 1, 2; b = 1
--8<-- 26
local a <close>, b <const> = 1, 2; a = 1
--8<-- 27
local x <const> = 1
x, y = 2
--8<-- 28
local x <const> = 1
y, x = 2

--8<-- 29
local x <const> = 1
x.y, x = 2, 3
--8<-- 30
local x <const> = 1
local x = 2
x = 3
--8<-- 31
local x <const> = 1
do local x = 2; x = 3 end; x = 4
--8<-- 32
local x <close> = nil
function f() function x() end end
--8<-- 33
local function f() local y <const> = 2 end y = 1
--8<-- 34
local x <const> = 1 local x <const> = x + 1 x = 1
--8<-- 35
local x <const> = "a" .. "b"; local function f() x = 1 end
--8<-- 36
local _ENV <const> = {}; x = 1
--8<-- 37
local _ENV <const> = {}; _ENV = 1
--8<-- 38
local t <close> = nil goto l ::l::
--8<-- 39
local a <const> = 1; return function() return function() a = 1 end end
--8<-- 40
x = ...
--8<-- 41
function f() x = ... end
--8<-- 42
function f(...) x = function() return ... end end
--8<-- 43
function f(a, ...) return {...} end
--8<-- 44
local function f() return ... end
--8<-- 45
for i = 1, 2 do local x = ... end
--8<-- 46
local x = ... or 1
--8<-- 47
function f() return arg end
--8<-- 48
function f(...) return arg end
