-- Line events as lua5.4 reports them: then-lines, loop back-jumps, final returns, closures.
local function run(s)
  local t = {}
  debug.sethook(function(e, l) t[#t+1] = l end, "l"); load(s)(); debug.sethook()
  print(table.concat(t, " "))
end
run("local function foo()\nend\nfoo()\nA = 1\nA = 2\nA = 3\n")
run("if\nmath.sin(1)\nthen\n  a=1\nelse\n  a=2\nend\n")
run("--\nif nil then\n  a=1\nelse\n  a=2\nend\n")
run("a=1\nrepeat\n  a=a+1\nuntil a==3\n")
run(" do\n  return\nend\n")
run("local a\na=1\nwhile a<=3 do\n  a=a+1\nend\n")
run("while math.sin(1) do\n  if math.sin(1)\n  then break\n  end\nend\na=1")
run("for i=1,3 do\n  a=i\nend\n")
run("for i,v in pairs{'a','b'} do\n  a=tostring(i) .. v\nend\n")
run("for i=1,4 do a=1 end")
run("function f()\n  return 1\nend\nf()\nif x then x = 0 elseif 1 > 2 then x = 1 else x = 3 end\nreturn x")
run("local t = {}\nfor i = 1, 2 do\n  if i == 1 then\n    goto skip\n  end\n  t[i] = i\n  ::skip::\nend\n")
