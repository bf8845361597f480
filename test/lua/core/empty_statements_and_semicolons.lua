;;; local a = 1; ; ;
print(a);
do ; end
local function f() ; return 1; end
print(f())
for i = 1, 2 do ; end
print(load(';;return 5')())
print(load('return 1;;'))
