// Reading a check-in QR code: on WeChat the camera scanner; the browser has none (its screens take a pasted code).

/** Whether this platform has a scanner (the browser has none: its screens offer a field to paste a code). */
export declare const CAN_SCAN: boolean

/** The text of the scanned code; null when the user backed out. */
export declare function scanQrCode(): Promise<string | null>
