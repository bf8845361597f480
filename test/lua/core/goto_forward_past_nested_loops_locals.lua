local total = 0
for a = 1, 3 do
  for b = 1, 3 do
    total = total + a * b
    if total > 10 then goto finished end
  end
end
::finished::
print('total', total)
