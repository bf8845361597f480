-- random insert/remove operations checked against a simple model
local seed = 1
local function rnd(n) seed = (seed * 16807) % 2147483647 return seed % n end
local t, model = {}, {}
local function model_insert(pos, v)
  for i = #model, pos, -1 do model[i + 1] = model[i] end
  model[pos] = v
end
local function model_remove(pos)
  local v = model[pos]
  for i = pos, #model - 1 do model[i] = model[i + 1] end
  model[#model] = nil
  return v
end
local mismatches, removed = 0, 0
for step = 1, 5000 do
  local op = rnd(4)
  if op < 2 then
    local v = rnd(1000)
    if op == 0 then table.insert(t, v); model[#model + 1] = v
    else local pos = rnd(#t + 1) + 1; table.insert(t, pos, v); model_insert(pos, v) end
  elseif #t > 0 then
    local pos = op == 2 and #t or rnd(#t) + 1
    local a = op == 2 and table.remove(t) or table.remove(t, pos)
    local b = model_remove(pos)
    if a ~= b then mismatches = mismatches + 1 end
    removed = removed + 1
  end
  if #t ~= #model then mismatches = mismatches + 1 end
end
local sum = 0
for i = 1, #t do
  if t[i] ~= model[i] then mismatches = mismatches + 1 end
  sum = sum + t[i] * i
end
print(#t, removed, sum, mismatches)
