// In the browser there is no scanner (screens show a field to paste the code instead) and no screen to keep on.
export const CAN_SCAN = false

export const scanQrCode = (): Promise<string | null> => Promise.resolve(null)

export function keepScreenOn(): void {}
