local strs = {
  "it's", 'say "hi"', 'back\\slash', '*/ end comment', '/* start', '${template}',
  '`backtick`', '</script>', '\\u0041', '$dollar$', '#{ruby}', "line\nbreak", 'tab\there',
  "'); process.exit(1); ('", '"; throw 1; "', '\\', '\\\\', "\r\n",
}
for i, s in ipairs(strs) do print(i, s, #s) end
