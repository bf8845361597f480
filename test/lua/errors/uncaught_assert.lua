assert(1 == 2, 'assertion text')
