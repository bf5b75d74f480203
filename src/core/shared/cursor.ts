// The list cursor: a keyset position (startAt, _id) of the last item of a page, so the next page continues
// after it without skipping (stable under inserts, cheap at any depth). Clients treat it as opaque.
// Shape: base36(startAt) + '.' + _id — url-safe because ids are (see looksLikeId).
import { looksLikeId } from './validation'

export interface CursorPosition {
  startAt: number
  id: string
}

export const CURSOR_MAX_LENGTH = 64

export function encodeCursor(position: CursorPosition): string {
  return `${position.startAt.toString(36)}.${position.id}`
}

/** The position, or null for anything that no encodeCursor produced. */
export function decodeCursor(cursor: string): CursorPosition | null {
  if (cursor.length > CURSOR_MAX_LENGTH) return null
  const match = /^([0-9a-z]{1,11})\.(.+)$/.exec(cursor)
  if (!match) return null
  const startAt = parseInt(match[1], 36)
  const id = match[2]
  if (!Number.isSafeInteger(startAt) || !looksLikeId(id)) return null
  return { startAt, id }
}

/** The directory's cursor: the (name, _id) of a page's last NGO, as `_id + '.' + name` (ids have no dot). */
export interface NamePosition {
  name: string
  id: string
}

export function encodeNameCursor(position: NamePosition): string {
  return `${position.id}.${position.name}`
}

export function decodeNameCursor(cursor: string): NamePosition | null {
  if (cursor.length > CURSOR_MAX_LENGTH + 40) return null
  const dot = cursor.indexOf('.')
  const id = cursor.slice(0, dot)
  const name = cursor.slice(dot + 1)
  if (dot < 0 || !looksLikeId(id) || name === '') return null
  return { name, id }
}
