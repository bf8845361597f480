local s = select(0, 1)
