error("failing while loading")
