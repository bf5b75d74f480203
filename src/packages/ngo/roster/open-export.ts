// Opening an exported spreadsheet: on WeChat its document viewer; in the browser a download.

export type OpenExport = (url: string, fileName: string) => Promise<void>

export declare const openExport: OpenExport
