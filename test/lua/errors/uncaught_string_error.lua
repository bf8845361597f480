print('before')
error('something went wrong')
print('never')
