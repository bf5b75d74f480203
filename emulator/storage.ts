// Cloud storage: files on disk under the data folder, uploaded with the SDK's two steps
// (`storage.getUploadMetadata`, then a PUT to the returned URL) and served back over HTTP as "temp URLs".
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'

export const STORAGE_PREFIX = '/_storage/'

type FileResult = { fileID: string; code: string; tempFileURL?: string; maxAge?: number }

export class FileStorage {
  /** upload tokens handed out by getUploadMetadata, by cloud path */
  private readonly pendingUploads = new Map<string, string>()

  constructor(
    private readonly root: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    mkdirSync(root, { recursive: true })
  }

  get bucket(): string {
    return `${this.envId}-emulator`
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`
  }

  /** `storage.getUploadMetadata` → where and how to PUT the file */
  uploadMetadata(cloudPath: unknown): Record<string, string> {
    const path = checkCloudPath(cloudPath)
    const token = randomBytes(12).toString('hex')
    this.pendingUploads.set(path, token)
    return {
      url: `${this.baseUrl()}${STORAGE_PREFIX}${encodeURI(path)}`,
      token,
      authorization: `local ${token}`,
      fileId: this.fileId(path),
      cosFileId: token,
      download_url: this.tempUrl(path),
    }
  }

  /** The PUT half of an upload: only accepted for a path (and token) that getUploadMetadata handed out. */
  put(cloudPath: string, token: string | undefined, content: Buffer): boolean {
    if (!token || this.pendingUploads.get(cloudPath) !== token) return false
    this.pendingUploads.delete(cloudPath)
    const file = this.fileOnDisk(cloudPath)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
    return true
  }

  read(cloudPath: string): Buffer | undefined {
    const file = this.existing(cloudPath)
    return file ? readFileSync(file) : undefined
  }

  tempUrls(list: unknown): FileResult[] {
    return asList(list).map((item) => {
      const entry = (typeof item === 'object' && item ? item : { fileid: item }) as {
        fileid?: unknown
        max_age?: number
      }
      const fileID = String(entry.fileid ?? '')
      const path = this.pathOf(fileID)
      if (path === undefined || !this.existing(path))
        return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }
      return { fileID, code: 'SUCCESS', tempFileURL: this.tempUrl(path), maxAge: entry.max_age ?? 86400 }
    })
  }

  delete(list: unknown): FileResult[] {
    return asList(list).map((item) => {
      const fileID = String(item)
      const path = this.pathOf(fileID)
      const file = path === undefined ? undefined : this.existing(path)
      if (!file) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
      rmSync(file)
      return { fileID, code: 'SUCCESS' }
    })
  }

  private tempUrl(cloudPath: string): string {
    // Left unencoded on purpose: the SDK's downloadFile runs encodeURI over it, as over a real temp URL.
    return `${this.baseUrl()}${STORAGE_PREFIX}${cloudPath}`
  }

  private pathOf(fileID: string): string | undefined {
    const prefix = `cloud://${this.envId}.${this.bucket}/`
    return fileID.startsWith(prefix) ? fileID.slice(prefix.length) : undefined
  }

  private fileOnDisk(cloudPath: string): string {
    const file = resolve(this.root, cloudPath)
    if (!file.startsWith(resolve(this.root) + sep)) throw new Error('path escapes the storage folder')
    return file
  }

  private existing(cloudPath: string): string | undefined {
    try {
      const file = this.fileOnDisk(cloudPath)
      return existsSync(file) && statSync(file).isFile() ? file : undefined
    } catch {
      return undefined
    }
  }
}

export class StorageError extends Error {}

function checkCloudPath(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value ||
    value.length > 850 ||
    value.startsWith('/') ||
    value.includes('..')
  ) {
    throw new StorageError(`invalid cloudPath: ${String(value)}`)
  }
  if (value.split('/').some((part) => part === '' || part === '.'))
    throw new StorageError(`invalid cloudPath: ${value}`)
  return value
}

function asList(list: unknown): unknown[] {
  if (!Array.isArray(list)) throw new StorageError('fileList must be a list')
  return list
}

export function storageRoot(dataDir: string): string {
  return join(dataDir, 'storage')
}
