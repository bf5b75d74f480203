// Cloud storage through wx-server-sdk: store a file, find one already stored, read one back.
import * as cloud from 'wx-server-sdk'

export async function storeFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
  return fileID
}

/**
 * A temporary download URL, valid for `maxAgeSeconds` (the platform's default, a day, when absent); null when the
 * file is not (or no longer) in storage.
 */
export async function tempUrlOf(fileID: string, maxAgeSeconds?: number): Promise<string | null> {
  const fileList = maxAgeSeconds === undefined ? [fileID] : [{ fileID, maxAge: maxAgeSeconds }]
  const result = (await cloud.getTempFileURL({ fileList })) as {
    fileList: { tempFileURL?: string; code?: string; status?: number }[]
  }
  const entry = result.fileList[0]
  return entry && entry.tempFileURL && (entry.code === undefined || entry.code === 'SUCCESS')
    ? entry.tempFileURL
    : null
}

export async function downloadFile(fileID: string): Promise<Buffer> {
  const { fileContent } = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer }
  return fileContent
}

/** Deletes stored files; one already gone is no error (deleting is safe to repeat). */
export async function deleteFiles(fileIDs: readonly string[]): Promise<void> {
  if (fileIDs.length === 0) return
  await cloud.deleteFile({ fileList: [...fileIDs] })
}
