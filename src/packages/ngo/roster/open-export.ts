// Opening an exported spreadsheet. Taro resolves `./open-export` to the .weapp or .h5 file by TARO_ENV; this file
// only gives TypeScript the shared signature.
export type OpenExport = (url: string, fileName: string) => Promise<void>

export const openExport: OpenExport = () =>
  Promise.reject(new Error(`cannot open files for TARO_ENV=${process.env.TARO_ENV}`))
