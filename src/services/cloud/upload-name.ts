// Names for files uploaded on WeChat (in the browser the upload door names them). Its own module:
// upload.weapp.ts cannot take values from `./upload`, which the build resolves back to itself.

/** A file name that will not collide: the time and a few random letters. */
export function uploadName(extension: string): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${extension}`
}
