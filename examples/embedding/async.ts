import { Lua } from 'regolith';

const lua = new Lua();

// A JS function returning a promise: Lua waits for it in an async run.
lua.global.set('fetchUser', async (id: number) => {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { id, name: `user${id}` };
});

const [names] = await lua.doStringAsync(`
  local names = {}
  for id = 1, 3 do
    local user = fetchUser(id)     -- no callbacks, no coroutines to manage
    names[#names + 1] = user.name
  end
  return table.concat(names, ", ")
`);
console.log(names); // user1, user2, user3

// A rejected promise is a Lua error: pcall catches it.
lua.global.set('failing', async () => { throw new Error('service down'); });
console.log(await lua.doStringAsync('return pcall(failing)')); // [ false, 'service down' ]

lua.close();
