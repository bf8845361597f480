-- Chunk names that are JS syntax: in runtime errors, syntax errors,
-- debug.getinfo, tracebacks, and through string.dump and load again.
local names = {
  '*/ x /*', '`${process.exit(1)}`', '${globalThis}', 'a\nb\r\nc', '</script><script>', '\xE2\x80\xA8 ls \xE2\x80\xA9',
  '=*/`${x}`\n', '@*/ `${x}`.lua', "'); process.exit(1); ('", '\\', '=', '@', '\0 nul',
}
for i, name in ipairs(names) do
  local f = assert(load('local a = ...\nif a then error("boom " .. a) end\nreturn debug.getinfo(1, "S")', name))
  local info = f()
  print(i, info.source == name, info.short_src, info.what, info.linedefined)
  print(i, pcall(f, 'x'))
  print(i, load('x = = 1', name))
  print(i, (select(2, xpcall(f, debug.traceback, 'y')):gsub('\n[^\n]*%[C%][^\n]*', '')))
  -- string.dump keeps the source name; the reloaded function behaves the same
  local g = assert(load(string.dump(f), 'ignored', 'b'))
  print(i, pcall(g, 'z'))
  print(i, g().source == name, g().short_src)
  local h = assert(load(string.dump(f, true), name, 'b'))
  print(i, pcall(h, 'w'))
end
-- a nested function dumped on its own
local outer = assert(load('local up = 1\nreturn function (s)\n  error(s .. up)\nend', '`${x}`*/'))()
local nested = load(string.dump(outer))
print(pcall(nested, 'n'))
print(debug.setupvalue(nested, 1, 5), pcall(nested, 'm'))
