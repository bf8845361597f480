-- An uncaught error: message on stderr, exit status 1.
local function lvl3() error("boom") end
local function lvl2() lvl3() end
function glob() lvl2() end
local t = {m = function() glob() end}
print("before")
t.m()
