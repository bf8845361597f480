#!/usr/bin/env lua this line is skipped
--[[ block
comment ]] print('after block comment')
--[==[ another
]] still comment
]==] print('level 2')
-- line comment print('no')
print('end') --[[ trailing ]]
