// Uploading a picked image: on WeChat compressed into cloud storage; in the browser scaled, to the local cloud.

export type ImageFolder = 'covers' | 'logos' | 'certificates'

/**
 * Uploads the picked image (a temp file path from chooseImage), compressed first, and resolves with what to store
 * as the cover or logo: a cloud fileID on WeChat, the file's URL in the browser. Rejects when the upload fails.
 */
export type UploadImage = (filePath: string, folder: ImageFolder) => Promise<string>

export declare const uploadImage: UploadImage
