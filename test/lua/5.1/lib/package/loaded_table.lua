-- package.loaded entries decide what require returns
package.loaded.fake = {answer = 42}
print(require("fake").answer)
package.loaded.fake = "a string"
print(require("fake"))
package.loaded.fake = 0
print(require("fake"))
package.loaded.fake = nil
package.preload.fake = function(name) return {name = name} end
print(require("fake").name, type(package.loaded.fake))
local saved = require
print(pcall(require, "fake") and type(require("fake")))
