local function inf(n) return 1 + inf(n + 1) end
local ok, err = pcall(inf, 1)
print(ok, type(err), err:find('stack overflow') ~= nil)
local function inf2() local t = {inf2()} return t end
print(select(2, pcall(inf2)):find('stack overflow') ~= nil)
-- still usable afterwards
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(1000))
