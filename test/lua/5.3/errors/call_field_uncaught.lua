local obj = {}
obj.method()
