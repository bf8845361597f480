-- Line events of loops and conditions: `while true` has no test, a jump
-- back makes the test's line an event even on the same line, a generic for
-- enters its body by a jump back, and only a condition that is not a
-- comparison puts an instruction on a separate `then` line.
local function trace(src)
  local lines = {}
  local f = assert(load(src))
  debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
  f()
  debug.sethook()
  print(table.concat(lines, " "))
end
trace("local n = 0\nwhile true do\n  n = n + 1\n  if n > 2 then break end\nend\n")
trace("local n = 0\nwhile 1 do\n  n = n + 1\n  if n > 1 then break end\nend\n")
trace("local n = 0 while n < 3 do n = n + 1 end")
trace("local n = 0\nwhile n < 3 do n = n + 1\nend\n")
trace("local t = {1, 2} for k, v in ipairs(t) do local x = v end")
trace("local t = {1, 2}\nfor k, v in ipairs(t) do\n  local x = v\nend\n")
trace("local a for i = 1, 3 do a = i end")
trace("local n = 0 repeat n = n + 1 until n == 3")
trace("local n = 1\nif n == 1\nthen\n  n = n + 1\nend\n")
trace("local n = 1\nif n == 2\nthen\n  n = n + 1\nend\n")
trace("local n = 1\nif not (n == 2)\nthen\n  n = n + 1\nend\n")
trace("local n, m = 1, 2\nif n == 1 and m\nthen\n  n = n + 1\nend\n")
trace("local n = 1\nif true\nthen\n  n = n + 1\nend\n")
trace("local n = 3\nif n == 1\nthen\n  n = 0\nelseif n == 3\nthen\n  n = 4\nelseif n\nthen\n  n = 5\nend\n")
trace("local n = 0\nwhile n < 2 do\n  if n == 1\n  then\n    n = n + 1\n  end\n  n = n + 1\nend\n")
trace("for i = 1, 2 do\n  if i == 1\n  then\n    local x = 1\n  end\nend\n")
