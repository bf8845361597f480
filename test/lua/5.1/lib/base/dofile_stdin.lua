-- dofile() without a name runs standard input
print("before")
print(dofile())
print("after", from_stdin)
