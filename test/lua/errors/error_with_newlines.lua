print(pcall(error, 'line1\nline2'))
error('multi\nline\nmessage')
