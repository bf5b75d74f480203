// An organizer's images: on WeChat album or camera, into cloud storage; in the browser files, into the local cloud.

export type ImageFolder = 'covers' | 'logos' | 'certificates'

/**
 * Opens the picker for one image (compressed where the platform can): the album or the camera on WeChat, the file
 * picker in the browser (it has no camera choice to offer). Resolves with its temp file path, or undefined when
 * none came back; rejects when the picker is closed (an error that says `cancel`).
 */
export declare function pickImage(): Promise<string | undefined>

/**
 * Uploads the picked image (a temp file path from pickImage), compressed first, and resolves with what to store as
 * the cover or logo: a cloud fileID on WeChat, the file's URL in the browser. Rejects when the upload fails.
 */
export type UploadImage = (filePath: string, folder: ImageFolder) => Promise<string>

export declare const uploadImage: UploadImage
