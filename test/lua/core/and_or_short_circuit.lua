local function t(v) print('eval', v) return v end
print(t(false) and t(1))
print(t(nil) or t('fallback'))
print(t(1) or t(2))
print(t(0) and t(''))
local x = nil
print(x and x.field or 'safe')
print(false == nil, not not nil, nil == false)
