// Every action of the `api` function, by name: what the dispatcher runs and, through each definition's `who`,
// the permission table. Adding an action = its line in the feature's contract (src/core/<feature>/contract.ts)
// and its file under actions/<feature>/ (defineAction); actions/index.ts is written from those files.
import type { Action, ApiContract } from '@core/contract'
import { AUDIENCES, type Role } from '@core/ngos/authorization'
import type { AnyAction } from './gate'
import { ACTION_DEFINITIONS } from './actions'

export const ACTIONS: { readonly [A in Action]: AnyAction<ApiContract[A]['res']> } = ACTION_DEFINITIONS

/** An action file whose name is not in the contract fails to compile here, naming it. */
type OutsideTheContract = Exclude<keyof typeof ACTION_DEFINITIONS, Action>
export const EVERY_ACTION_IN_THE_CONTRACT: [OutsideTheContract] extends [never] ? true : OutsideTheContract =
  true

/** Who may call each action: derived from the definitions, so the table and the dispatch cannot disagree. */
export function permissionTable(): { [A in Action]: readonly Role[] } {
  const table = {} as { [A in Action]: readonly Role[] }
  for (const action of Object.keys(ACTIONS) as Action[]) table[action] = AUDIENCES[ACTIONS[action].who]
  return table
}

export function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}
