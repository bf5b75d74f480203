// In the browser there is no scanner: 证书查验 takes the typed code.
export const CAN_SCAN_CERTIFICATE = false

export const scanCertificate = (): Promise<string | null> => Promise.resolve(null)
