-- A message handler called for an error in a call in tail position (the call never
-- happened): level 2 is the function that raised, which did not tail-call anything.
local function h(e) local i = debug.getinfo(2, "Sl") return e .. " @ " .. i.source .. ":" .. i.currentline end
print(xpcall(function() return undefinedfn() end, h))
print(xpcall(function() local t = {} return t.x.y() end, h))
print(xpcall(function() return (nil)() end, h))
print(xpcall(function() return undefinedfn() end, function(e) return debug.traceback(e, 1) end))
