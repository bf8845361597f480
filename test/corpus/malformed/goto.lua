--8<-- 1
goto l
--8<-- 2
do goto l end
--8<-- 3
goto l; local x; ::l:: print(x)
--8<-- 4
goto l; local x; ::l::
--8<-- 5
do goto l; local x; ::l:: end
--8<-- 6
::l:: ::l::
--8<-- 7
::l::
::l::
--8<-- 8
::l:: do ::l:: end
--8<-- 9
do ::l:: end ::l::
--8<-- 10
goto l; do ::l:: end
--8<-- 11
::l:: goto l
--8<-- 12
while true do goto continue; local x = 1; ::continue:: end
--8<-- 13
repeat goto l; local x; ::l:: until x
--8<-- 14
repeat goto l; local x; ::l:: local y until x
--8<-- 15
function f() goto l end ::l::
--8<-- 16
break
--8<-- 17
do break end
--8<-- 18
if x then break end
--8<-- 19
function f() break end
--8<-- 20
while 1 do local function f() break end end
--8<-- 21
for i=1,2 do if i then break; x = 1 end end
--8<-- 22
if x then goto l end
--8<-- 23
if x then goto l; ::l:: end
--8<-- 24
goto a; goto b
--8<-- 25
goto b; goto a
--8<-- 26
local x; goto l; ::l::
--8<-- 27
goto l; local a <const> = 1; ::l:: print(a)
--8<-- 28
goto l; local a <const> = 1; ::l::
--8<-- 29
x = 1 goto l ::l::
--8<-- 30
::a:: ::b:: ::a::
--8<-- 31
::l:: function f() goto l end
--8<-- 32
do goto l end ::l::
--8<-- 33
do goto l end local x ::l:: x = 1
--8<-- 34
do goto l end local x ::l::
--8<-- 35
do do goto l end local x end ::l::
--8<-- 36
::l:: do goto l end
--8<-- 37
do ::l:: end goto l
--8<-- 38
goto l


local x
::l::
print(x)
--8<-- 39
goto l; ::l:: ::l::
--8<-- 40
goto l; ::m:: ::l::; ; ;
--8<-- 41
goto l; local x ::l:: ;;
--8<-- 42
goto l; local x ::l:: ::m::
--8<-- 43
while 1 do
 goto l
 local x
 ::l::
end
--8<-- 44
while 1 do
 goto l
 local x
 ::l::
 x = 1
end
--8<-- 45
for i = 1, 2 do goto l end ::l::
--8<-- 46
for i = 1, 2 do goto l local x ::l:: end
--8<-- 47
if x then goto l elseif y then goto m end ::l::
--8<-- 48
if x then break elseif y then goto m end
--8<-- 49
while x do if y then break; end end
--8<-- 50
while x do if y then break; ; ; end end
--8<-- 51
while x do if y then break; x = 1 end end
--8<-- 52
if y then break; x = 1 end
--8<-- 53
if y then break end
--8<-- 54
function f()
  goto l
end


--8<-- 55
function f()
  break
end


--8<-- 56
local function f() do goto done end ::done:: end
--8<-- 57
goto continue
--8<-- 58
::continue::
--8<-- 59
local goto = 1
--8<-- 60
goto = 1
--8<-- 61
x = goto
--8<-- 62
goto
=
1
--8<-- 63
local break = 1
--8<-- 64
::break::
--8<-- 65
goto l1; goto l2; ::l1:: ::l2::
--8<-- 66
do local a goto l end ::l::
--8<-- 67
local a do goto l end ::l:: print(a)
--8<-- 68
goto l; local a, b; ::l:: b = 1
--8<-- 69
goto l; local function a() end ::l:: a()
--8<-- 70
goto l; local function a() end ::l::
--8<-- 71
goto l; for i = 1, 2 do end ::l:: x = 1
--8<-- 72
repeat goto l; local x ::l:: until true
--8<-- 73
repeat local x; goto l; ::l:: until x
--8<-- 74
function f() ::l:: ::l:: end
--8<-- 75
function f() ::l:: end ::l::
--8<-- 76
local x = function() goto l end ::l::
