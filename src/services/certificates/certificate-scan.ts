// Scanning a certificate's code for 证书查验: on WeChat the scanner (camera or photo); the browser has none.

/** Whether this platform has a scanner (in the browser the code is typed). */
export declare const CAN_SCAN_CERTIFICATE: boolean

/** What the scanned code says (a path with `scene=` for our mini-program code); null when the user backed out. */
export declare function scanCertificate(): Promise<string | null>
