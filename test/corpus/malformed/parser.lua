--8<-- 1
x = = 1
--8<-- 2
= 1
--8<-- 3
x
--8<-- 4
x.y
--8<-- 5
x[1]
--8<-- 6
f() = 1
--8<-- 7
(x) = 1
--8<-- 8
x, f() = 1, 2
--8<-- 9
x, (y) = 1, 2
--8<-- 10
1 = x
--8<-- 11
"s" = 1
--8<-- 12
x =
--8<-- 13
x = 1,
--8<-- 14
local
--8<-- 15
local 1
--8<-- 16
local x,
--8<-- 17
local x =
--8<-- 18
local function
--8<-- 19
local function 1
--8<-- 20
local function f
--8<-- 21
local function f(
--8<-- 22
function
--8<-- 23
function f
--8<-- 24
function f.
--8<-- 25
function f:
--8<-- 26
function f:g.h() end
--8<-- 27
function f.g:h() end
--8<-- 28
function f(a,) end
--8<-- 29
function f(a b) end
--8<-- 30
function f(..., a) end
--8<-- 31
function f(a, ...) return ... end
--8<-- 32
function f() return ... end
--8<-- 33
return ...
--8<-- 34
x = function(...) return function() return ... end end
--8<-- 35
function f(...) local function g() return ... end end
--8<-- 36
if
--8<-- 37
if x
--8<-- 38
if x then
--8<-- 39
if x then else
--8<-- 40
if x then elseif
--8<-- 41
if x then elseif y
--8<-- 42
if x then else else end
--8<-- 43
if x then end end
--8<-- 44
if x then

else

--8<-- 45
if x then

elseif y then


--8<-- 46
while
--8<-- 47
while x
--8<-- 48
while x do
--8<-- 49
while x do end end
--8<-- 50
while x do


--8<-- 51
do
--8<-- 52
do end end
--8<-- 53
do

x = 1
--8<-- 54
for
--8<-- 55
for 1
--8<-- 56
for i
--8<-- 57
for i =
--8<-- 58
for i = 1
--8<-- 59
for i = 1,
--8<-- 60
for i = 1, 2
--8<-- 61
for i = 1, 2 do
--8<-- 62
for i = 1, 2, 3, 4 do end
--8<-- 63
for i, do end
--8<-- 64
for i, j
--8<-- 65
for i, j in
--8<-- 66
for i, j in x
--8<-- 67
for i in x do
--8<-- 68
for a.b = 1, 2 do end
--8<-- 69
for i = 1, 2 do


--8<-- 70
for k, v in pairs(t) do
end end
--8<-- 71
repeat
--8<-- 72
repeat x = 1
--8<-- 73
repeat until
--8<-- 74
repeat

until
--8<-- 75
repeat local x = 1 until x == 1
--8<-- 76
repeat

x = 1

--8<-- 77
return return
--8<-- 78
return 1 2
--8<-- 79
return 1; x = 1
--8<-- 80
return;;
--8<-- 81
do return end x = 1
--8<-- 82
return 1 end
--8<-- 83
while 1 do break; x = 1 end
--8<-- 84
while 1 do break x = 1 end
--8<-- 85
x = {
--8<-- 86
x = {1
--8<-- 87
x = {1,
--8<-- 88
x = {1 2}
--8<-- 89
x = {[1] 2}
--8<-- 90
x = {[1] = }
--8<-- 91
x = {a = }
--8<-- 92
x = {a = 1,, 2}
--8<-- 93
x = {;}
--8<-- 94
x = {1;2;}
--8<-- 95
x = {a b}
--8<-- 96
x = {

1
--8<-- 97
x = {[}
--8<-- 98
x = {a.b = 1}
--8<-- 99
x = {f() = 1}
--8<-- 100
x = {["a"] = 1, b = 2; 3}
--8<-- 101
f(
--8<-- 102
f(1
--8<-- 103
f(1,
--8<-- 104
f(1,)
--8<-- 105
f(1


--8<-- 106
a.b:c
--8<-- 107
a:b.c()
--8<-- 108
a:b{}
--8<-- 109
a:b"x"
--8<-- 110
a:1
--8<-- 111
f{}()""[1]:m{}
--8<-- 112
x = (1
--8<-- 113
x = ()
--8<-- 114
x = (1,2)
--8<-- 115
x = 1 +
--8<-- 116
x = not
--8<-- 117
x = - -
--8<-- 118
x = 1 + + 1
--8<-- 119
x = a..
--8<-- 120
x = ...
--8<-- 121
x = #
--8<-- 122
x = {...}
--8<-- 123
a.b.c
--8<-- 124
a.b.c =
--8<-- 125
a.b.c()
--8<-- 126
x = y z
--8<-- 127
x = y.
--8<-- 128
x = y[
--8<-- 129
x = y[1
--8<-- 130
x = y[1]]
--8<-- 131
f
(g)
--8<-- 132
local x = f
(g)
--8<-- 133
x = f
{}
--8<-- 134
f
"s"
--8<-- 135
f
[[s]]
--8<-- 136
x = (f
)(g)
--8<-- 137
a.b
(c)
--8<-- 138
a:b
(c)
--8<-- 139
;
--8<-- 140
x = 1;;
--8<-- 141
end
--8<-- 142
else
--8<-- 143
elseif
--8<-- 144
until
--8<-- 145
then
--8<-- 146
in
--8<-- 147
)
--8<-- 148
]
--8<-- 149
}
--8<-- 150
goto
--8<-- 151
goto 1
--8<-- 152
::
--8<-- 153
::a
--8<-- 154
::a:
--8<-- 155
::1::
--8<-- 156
:: a ::
--8<-- 157
x = function
--8<-- 158
x = function(
--8<-- 159
x = function()
--8<-- 160
x = function() end end
--8<-- 161
x = function a() end
--8<-- 162
local function f() end end
--8<-- 163
x = 1 2
--8<-- 164
x = a b = c
--8<-- 165
x.y.z:w
--8<-- 166
x = {}.a
--8<-- 167
x = "a".b
--8<-- 168
x = ("a").b
--8<-- 169
x = nil.a
--8<-- 170
x = true()
--8<-- 171
f() g()
--8<-- 172
f() = g()
--8<-- 173
x, y
--8<-- 174
x, y =
--8<-- 175
x, y = 1,
--8<-- 176
x,
--8<-- 177
x = -
--8<-- 178
x = 1 .. 2 .. 
--8<-- 179
x = a and
--8<-- 180
x = a or or b
--8<-- 181
x = a == == b
--8<-- 182
x = a < < b
--8<-- 183
x = not not
--8<-- 184
x = {} {} {}
--8<-- 185
x = f"a""b""c"
--8<-- 186
local a, b, c = 1, 2
--8<-- 187
local a.b = 1
--8<-- 188
local a[1] = 1
--8<-- 189
local (a) = 1
--8<-- 190
local function a.b() end
--8<-- 191
local function a:b() end
--8<-- 192
function a.b.c.d:e() end
--8<-- 193
function a:b:c() end
--8<-- 194
function (a) end
--8<-- 195
function 1() end
--8<-- 196
function a["b"]() end
--8<-- 197
if x then return 1 else return 2 end
--8<-- 198
if x then return 1 x = 2 end
--8<-- 199
while x do return end
--8<-- 200
x = [[a]] .. [==[b]==]
--8<-- 201
x = 1 + 2 * 3 ^ 4 ^ -5 .. 6 .. 7 == 8 and 9 or 10
--8<-- 202
x = - 2 ^ 2
--8<-- 203
x = # # a
--8<-- 204
x = not - # ~ a
