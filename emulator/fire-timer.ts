// `npm run timer -- remind`: fires a function's timer trigger now on the running local cloud (`npm start`, PORT
// or 3000) and prints what the function returned.
async function main(): Promise<void> {
  const name = process.argv[2] ?? 'remind'
  const base = process.env.EMULATOR_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`
  const res = await fetch(`${base}/_emulator/timers/${encodeURIComponent(name)}`, { method: 'POST' })
  console.log(JSON.stringify(await res.json(), null, 2))
  if (!res.ok) process.exitCode = 1
}

main().catch((err: unknown) => {
  console.error(`could not reach the local cloud: ${(err as Error).message}`)
  process.exit(1)
})
