// The local cloud's clock: real time plus an offset that tests move (`POST /_emulator/clock`), so a reminder due
// tomorrow can be sent now. Everything that tells time reads it: function instances (JUSHOU_CLOCK_OFFSET_MS, set
// per invocation, read by the functions' clock), db.serverDate(), the outbox's timestamps and the timer triggers.
export class EmulatorClock {
  offsetMs = 0

  now(): number {
    return Date.now() + this.offsetMs
  }

  /** Moves the clock to `at` (epoch ms) or by `offsetMs` from real time; returns the new offset. */
  set(change: { at?: number; offsetMs?: number }): number {
    if (change.at !== undefined) this.offsetMs = change.at - Date.now()
    else if (change.offsetMs !== undefined) this.offsetMs = change.offsetMs
    return this.offsetMs
  }
}
