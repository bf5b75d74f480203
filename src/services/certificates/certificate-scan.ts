// Scanning a certificate's code for 证书查验. Taro resolves `./certificate-scan` to the .weapp or .h5 file by
// TARO_ENV; this file only gives TypeScript the shared signature.

/** Whether this platform has a scanner (in the browser the code is typed). */
export const CAN_SCAN_CERTIFICATE: boolean = false

/** What the scanned code says (a path with `scene=` for our mini-program code); null when the user backed out. */
export const scanCertificate = (): Promise<string | null> =>
  Promise.reject(new Error(`no scanner for TARO_ENV=${process.env.TARO_ENV}`))
