local iterations = 0
for i = 1, 5 do
  iterations = iterations + 1
  i = 100
end
print(iterations)
for i = 1, 3 do
  local i = i * 2
  print(i)
end
