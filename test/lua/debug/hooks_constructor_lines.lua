-- dialects: 5.4 5.3
-- Line events inside table constructors over several lines, as lua5.4's
-- instructions carry them: a list item without instructions of its own (a
-- constant, a local) goes to its register when the next item begins, of
-- either kind, so a list item followed by a keyed one is at its own `,`,
-- not at the `}`.
local function trace(s)
  local lines = {}
  local f = load(s)
  debug.sethook(function (e, l) lines[#lines + 1] = l end, "l")
  local t = f(1, 2)
  debug.sethook()
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  print(table.concat(lines, " "), #t, table.concat(keys, ","))
end

trace("return {\n1,\nx = 2,\n3,\ny = 4,\n}")
trace("return {\n1,\nx = 2,\n3,\ny = 4\n}")
trace("local a = 5\nreturn {\na,\nk = a,\n's',\nj = 'v',\n}")
trace("return {nil, nil,\ncolor = 0.5}")
trace("return {\nx = 1,\n...,\ny = 2,\n...\n}")
trace("return {\n1, 2,\nk = {\n3,\nz = 4,\n},\n5\n}")
trace("return {\n[1] = 'a',\n'b',\n[2] = 'c',\n}")
trace("local function g() return 7, 8 end\nreturn {\nk = 1,\ng()\n}")
