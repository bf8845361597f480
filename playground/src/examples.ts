// The example programs of the playground's selector.
export interface Example {
  name: string;
  code: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    name: 'Hello',
    code: `-- Hello from Regolith: Lua compiled to JavaScript, in your browser.
print("Hello, world!")
print(_VERSION, 10 / 2, math.floor(7 / 2), 2^10)
for i = 1, 3 do
  io.write(i, " squared is ", i * i, "\\n")
end
`,
  },
  {
    name: 'Closures and coroutines',
    code: `-- A counter made by a closure
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter()
print(c(), c(), c())

-- A generator made by a coroutine
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
for i in range(5) do io.write(i, " ") end
print()

-- Producer and consumer
local producer = coroutine.create(function()
  for _, word in ipairs({"one", "two", "three"}) do coroutine.yield(word) end
  return "done"
end)
while true do
  local ok, value = coroutine.resume(producer)
  print(ok, value, coroutine.status(producer))
  if coroutine.status(producer) == "dead" then break end
end
`,
  },
  {
    name: 'String patterns',
    code: `local text = "The quick brown fox jumps over the lazy dog"

-- Words and their lengths
for word in text:gmatch("%a+") do
  io.write(word, "=", #word, " ")
end
print()

-- Captures
local date = "2024-03-15"
local y, m, d = date:match("(%d+)-(%d+)-(%d+)")
print(y, m, d)

-- Substitution with a function
print((text:gsub("%w+", function(w) return w:upper() end)))

-- string.format
print(string.format("%-8s|%5.2f|%x", "pi", math.pi, 255))
`,
  },
  {
    name: 'An error',
    code: `-- A runtime error: the line is marked, the traceback is shown
local function divide(a, b)
  if b == 0 then
    error("division by zero")
  end
  return a / b
end

print(divide(10, 2))
print(divide(1, 0))
`,
  },
  {
    name: 'Endless loop',
    code: `-- Loops forever: press Stop, or wait for the time limit.
-- The page stays responsive: the program runs in a Web Worker.
local n = 0
while true do
  n = n + 1
end
`,
  },
  {
    name: 'Reading input',
    code: `-- io.read waits for the input box below the output.
io.write("What is your name? ")
local name = io.read()
print("Hello, " .. (name or "stranger") .. "!")

io.write("Give me two numbers: ")
local a, b = io.read("n", "n")
if a and b then
  print(a .. " + " .. b .. " = " .. a + b)
else
  print("those were not numbers")
end
`,
  },
  {
    name: 'Streaming output',
    code: `-- Output appears while the program runs.
for i = 1, 20 do
  print("tick " .. i)
  local t = os.clock()
  while os.clock() - t < 0.1 do end  -- busy for 0.1 s
end
print("done")
`,
  },
];
