import { Lua, memoryFileSystem } from 'regolith';

// Lua sees only these files (io, dofile, require...); what it writes stays in memory.
const fs = memoryFileSystem({ 'data.txt': 'one\ntwo\n', 'lib/util.lua': 'return { twice = function(s) return s .. s end }' });
// `modules`: what require finds before any file.
const lua = new Lua({ fs, modules: { version: 'return "1.0"' } });

lua.doString(`
  package.path = 'lib/?.lua'
  local util, version = require('util'), require('version')
  local out = assert(io.open('out.txt', 'w'))
  for line in io.lines('data.txt') do out:write(util.twice(line), ' ') end
  out:close()
  print(version, io.open('/etc/passwd'))
`);
console.log(new TextDecoder().decode(fs.readFile('out.txt'))); // oneone twotwo

lua.close();
