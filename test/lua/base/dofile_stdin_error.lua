print(pcall(dofile))
