local s = "text"
print(-s)
