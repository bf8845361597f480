print(loadfile())
