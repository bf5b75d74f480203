// In the browser the persona picker decides: 游客 is anonymous.
import { currentPersona } from './persona'

export function isAnonymous(): boolean {
  return currentPersona() === null
}
