// The dev identity of the H5 build: which demo persona the browser acts as. Kept in localStorage so it survives
// reloads. Only the H5 build imports this (WeChat supplies the real identity).
import { PERSONAS, type Persona } from '@core/shared/demo-personas'

export type PersonaKey = Persona['key'] | 'guest'

const STORAGE_KEY = 'jushou.persona'
const DEFAULT_KEY: PersonaKey = 'volunteer'

export const GUEST_LABEL = '游客（未登录）'

/** fallback when storage is unavailable (private mode) */
let memoryKey: string | null = null

export function currentPersonaKey(): PersonaKey {
  const stored = readStorage()
  if (stored === 'guest' || PERSONAS.some((p) => p.key === stored)) return stored as PersonaKey
  return DEFAULT_KEY
}

/** The persona the browser acts as; null = an anonymous visitor. */
export function currentPersona(): Persona | null {
  const key = currentPersonaKey()
  return PERSONAS.find((p) => p.key === key) ?? null
}

export function setPersonaKey(key: PersonaKey): void {
  memoryKey = key
  try {
    window.localStorage.setItem(STORAGE_KEY, key)
  } catch {
    // private mode without storage: the in-memory choice holds for this visit
  }
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? memoryKey
  } catch {
    return memoryKey
  }
}
