local function classify(n)
  if n < 0 then return 'neg'
  elseif n == 0 then return 'zero'
  elseif n < 10 then return 'small'
  elseif n < 100 then return 'medium'
  else return 'large' end
end
for _, v in ipairs({-5, 0, 3, 42, 1000}) do print(v, classify(v)) end
