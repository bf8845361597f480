-- In 5.1 goto is an ordinary name; there are no labels.
local goto = 1
print(goto + 1)
local t = {goto = "field"}
print(t.goto, t["goto"])
function goto(x) return x * 2 end
print(goto(21))
