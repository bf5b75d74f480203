// Names for uploaded files. Its own module: upload.h5.ts and upload.weapp.ts cannot take values from `./upload`,
// which the build resolves back to themselves.

/** A file name that will not collide: the time and a few random letters. */
export function uploadName(extension: string): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${extension}`
}
