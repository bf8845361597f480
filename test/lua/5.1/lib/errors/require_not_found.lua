-- require of a missing module, uncaught (paths from an empty LUA_PATH-like setting)
package.path = "./missing/?.lua"
package.cpath = "./missing/?.so"
require("no.such.module")
