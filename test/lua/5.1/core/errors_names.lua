-- Runtime errors name variables as 5.1 does: "<op> <kind> 'name' (a <type> value)".
local t, s = {}, "str"
local up = nil
local cases = {
  function() undefinedfn() end,
  function() local l; l() end,
  function() t.field() end,
  function() t:method() end,
  function() up() end,
  function() t[1]() end,
  function() ("x")() end,
  function() return nothere.x end,
  function() return t.a.b end,
  function() return up.x end,
  function() return undefinedv + 1 end,
  function() return t.n * 2 end,
  function() return s + 1 end,
  function() return -t end,
  function() return #up end,
  function() return "a" .. t end,
  function() return undefinedc .. "x" end,
  function() return t < 1 end,
  function() return t < t end,
  function() return "a" < 1 end,
  function() return {} <= {} end,
  function() t.x.y = 1 end,
  function() undefinedw.y = 1 end,
}
for i, f in ipairs(cases) do print(i, select(2, pcall(f))) end
