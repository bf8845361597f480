local a = {}
if a < 1 then print('no') end
