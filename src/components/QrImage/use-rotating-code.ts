// A code that changes every minute (the call's check-in code, a volunteer's personal code): fetched again when its
// window ends (`expiresAt` less the grace a replaced code keeps), counted on the function's clock (the reply's
// `now`), not the phone's.
import { useEffect, useRef, useState } from 'react'
import { CODE_GRACE_MS } from '@core/attendance/checkin-code'
import type { ApiResult } from '@core/shared/errors'

export interface IssuedCode {
  code: string
  expiresAt: number
  now: number
}

export interface RotatingCode {
  code: string
  /** seconds until the next code */
  secondsLeft: number
  /** the reason no code can be shown (e.g. outside the check-in hours) */
  error: string
  /** a fresh code is on its way */
  loading: boolean
}

const RETRY_AFTER_ERROR_MS = 10_000

/** `key` names what the code is for (call + mode): a new key fetches at once. Nothing runs while not `active`. */
export function useRotatingCode(
  fetchCode: () => Promise<ApiResult<IssuedCode>>,
  key: string,
  active: boolean,
): RotatingCode {
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)
  const [, setTick] = useState(0)
  // when (on this phone's clock) the next code is due
  const nextAt = useRef(0)
  const fetcher = useRef(fetchCode)
  fetcher.current = fetchCode

  useEffect(() => {
    if (!active) return
    let live = true
    let busy = false
    const refresh = async () => {
      if (busy) return
      busy = true
      setLoading(true)
      const result = await fetcher.current()
      busy = false
      if (!live) return
      setLoading(false)
      if (result.ok) {
        const { code: next, expiresAt, now } = result.data
        nextAt.current = Date.now() + Math.max(1_000, expiresAt - CODE_GRACE_MS - now)
        setCode(next)
        setError('')
      } else {
        nextAt.current = Date.now() + RETRY_AFTER_ERROR_MS
        setCode('')
        setError(result.message)
      }
    }
    nextAt.current = 0
    setCode('')
    refresh()
    const timer = setInterval(() => {
      if (Date.now() >= nextAt.current) refresh()
      setTick((t) => t + 1)
    }, 1_000)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [key, active])

  const secondsLeft = Math.max(0, Math.ceil((nextAt.current - Date.now()) / 1_000))
  return { code, secondsLeft, error, loading }
}
