print(dofile())
