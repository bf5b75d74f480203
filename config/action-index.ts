// Writes cloudfunctions/api/actions/index.ts, the list of every action, from the files under actions/<feature>/:
// each file `<name>.ts` exports `const <name> = defineAction(…)`. So adding an action touches two files (its line in
// the feature's contract, its action file); `npm run build:functions`, `npm start` and `npm test` rewrite the list.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ACTIONS_DIR = resolve(__dirname, '..', 'cloudfunctions', 'api', 'actions')

export function actionIndexText(dir = ACTIONS_DIR): string {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((feature) =>
      readdirSync(join(dir, feature.name))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => ({ feature: feature.name, name: file.slice(0, -'.ts'.length) })),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
  for (const { feature, name } of entries) {
    const source = readFileSync(join(dir, feature, `${name}.ts`), 'utf8')
    if (!new RegExp(`^export const ${name} = defineAction\\b`, 'm').test(source))
      throw new Error(`actions/${feature}/${name}.ts must export const ${name} = defineAction(…)`)
  }
  return [
    '// Every action of the `api` function, by name. Written by config/action-index.ts from the files in these',
    '// folders; do not edit: add or remove an action file instead.',
    ...entries.map(({ feature, name }) => `import { ${name} } from './${feature}/${name}'`),
    '',
    'export const ACTION_DEFINITIONS = {',
    ...entries.map(({ name }) => `  ${name},`),
    '}',
    '',
  ].join('\n')
}

/** Rewrites the index when the action files changed; true when it did. */
export function writeActionIndex(dir = ACTIONS_DIR): boolean {
  const file = join(dir, 'index.ts')
  const text = actionIndexText(dir)
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false
  writeFileSync(file, text)
  return true
}

if (require.main === module)
  console.log(writeActionIndex() ? 'actions/index.ts written' : 'actions/index.ts up to date')
