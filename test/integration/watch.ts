// Seeded randomness and a watcher of every database write, for the randomized lifecycle proofs.
import type { Collection } from '@emulator/index'

/** mulberry32: a small seeded PRNG, so a failing interleaving of choices can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Runs `check` after every write to the given collections: the store applies each database request atomically
 * on one thread, so this sees every state the database ever passes through.
 */
export function watchWrites(collections: Collection[], before: () => void, check: () => void): () => void {
  const restore: (() => void)[] = []
  for (const coll of collections) {
    for (const method of ['insert', 'update', 'replace', 'remove'] as const) {
      const original = coll[method] as (...args: unknown[]) => unknown
      ;(coll as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        before()
        const result = original.apply(coll, args)
        check()
        return result
      }
      restore.push(() => ((coll as unknown as Record<string, unknown>)[method] = original))
    }
  }
  return () => restore.forEach((undo) => undo())
}
