// Reading a QR code with the phone's camera. Taro resolves `./attendance-scan` to the .weapp or .h5 file by
// TARO_ENV; this file only gives TypeScript the shared signature.

/** Whether this platform has a scanner (the browser has none: its screens offer a field to paste a code). */
export const CAN_SCAN: boolean = false

/** The text of the scanned code; null when the user backed out. */
export const scanQrCode = (): Promise<string | null> =>
  Promise.reject(new Error(`no scanner for TARO_ENV=${process.env.TARO_ENV}`))
