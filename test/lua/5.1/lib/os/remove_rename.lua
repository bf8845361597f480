-- remove and rename: failures name the file, with errno
print(os.remove("/nonexistent/dir/file"))
print(os.rename("/nonexistent/dir/file", "/tmp/x"))
local a = os.tmpname()
local b = a .. ".renamed"
print(os.rename(a, b))
print(io.open(a), io.open(b) ~= nil)
print(os.remove(b))
local ok, msg, errno = os.remove(b)
print(ok, msg == b .. ": No such file or directory", errno)
print(pcall(os.remove))
print(pcall(os.rename, "x"))
