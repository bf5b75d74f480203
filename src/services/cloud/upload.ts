// Putting an image the organizer picked into cloud storage, compressed first. Taro resolves `./upload` to
// upload.weapp.ts or upload.h5.ts by TARO_ENV; this file only gives TypeScript the shared signature (so those two
// may import only types from here: a value would come from themselves).

export type ImageFolder = 'covers' | 'logos' | 'certificates'

/**
 * Uploads the picked image (a temp file path from chooseImage) and resolves with what to store as the cover or
 * logo: a cloud fileID on WeChat, the file's URL in the browser. Rejects when the upload fails.
 */
export type UploadImage = (filePath: string, folder: ImageFolder) => Promise<string>

export const uploadImage: UploadImage = () =>
  Promise.reject(new Error(`no upload for TARO_ENV=${process.env.TARO_ENV}`))
