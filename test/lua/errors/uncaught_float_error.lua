error(1.5)
