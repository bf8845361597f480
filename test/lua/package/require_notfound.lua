-- require of a missing module: the searchers' lines, in order
print(pcall(require, "no_such_module_xyz"))
print(pcall(require, "no.such.mod"))
package.path = "./?.lua;/nonexistent/?/x.lua"
package.cpath = "/nonexistent/?.so"
print(pcall(require, "zz.yy"))
package.path = 42
print(pcall(require, "zz"))
package.path = "./?.lua"
package.cpath = {}
print(pcall(require, "zz"))
