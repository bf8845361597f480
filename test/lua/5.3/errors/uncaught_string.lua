print("before")
local t = nil
local x = t.field
