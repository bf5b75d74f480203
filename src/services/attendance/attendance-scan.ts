// Check-in screens: on WeChat the camera scanner and a screen kept on; the browser has neither (codes are pasted).

/** Whether this platform has a scanner (the browser has none: its screens offer a field to paste a code). */
export declare const CAN_SCAN: boolean

/** The text of the scanned code; null when the user backed out. */
export declare function scanQrCode(): Promise<string | null>

/** Keeps the screen from dimming while a code is scanned off it; call it whenever the check-in screen shows. */
export declare function keepScreenOn(): void
