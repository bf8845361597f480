missing.field = 1
