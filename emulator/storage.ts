// Cloud storage: files on disk under the data folder, uploaded with the SDK's two steps
// (`storage.getUploadMetadata`, then a PUT to the returned URL) and served back over HTTP as "temp URLs".
// Temp URLs are signed and expire (`?sign=…&t=<expiry, epoch s>`, as COS's are), judged by the local cloud's
// clock. Files under a private folder (exports/) are served only through such a URL, never by their plain path;
// the others (covers, logos, posters) are public, as on a bucket whose rules let every user read them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

export const STORAGE_PREFIX = '/_storage/'

type FileResult = { fileID: string; code: string; tempFileURL?: string; maxAge?: number }

/** Folders whose files are served only through an unexpired signed temp URL. */
export const PRIVATE_FOLDERS = ['exports/']

/** getTempFileURL without a maxAge: a day, in seconds. */
const DEFAULT_MAX_AGE = 86_400

export type Download =
  | { status: 'ok'; content: Buffer }
  | { status: 'not-found' }
  /** a private file asked for without a valid, unexpired signature (whether or not it exists) */
  | { status: 'forbidden' }

export class FileStorage {
  /** upload tokens handed out by getUploadMetadata, by cloud path */
  private readonly pendingUploads = new Map<string, string>()
  /** signs temp URLs; new each run, so a restart voids them (they are short-lived anyway) */
  private readonly urlKey = randomBytes(32)

  constructor(
    private readonly root: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
    /** the local cloud's time, epoch ms: temp URLs expire by it */
    private readonly now: () => number = Date.now,
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
      download_url: this.tempUrl(path, DEFAULT_MAX_AGE),
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

  /** Every stored file's cloud path, sorted (for tests and inspection). */
  paths(): string[] {
    return (readdirSync(this.root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort()
  }

  exists(cloudPath: string): boolean {
    return this.existing(cloudPath) !== undefined
  }

  /** A GET of `/_storage/<cloudPath>?sign=…&t=…`: private files need a valid signature that has not expired. */
  download(cloudPath: string, query: URLSearchParams): Download {
    if (isPrivate(cloudPath) && !this.validSignature(cloudPath, query.get('sign'), query.get('t')))
      return { status: 'forbidden' }
    const content = this.read(cloudPath)
    return content ? { status: 'ok', content } : { status: 'not-found' }
  }

  /** The URL of a public file, which does not expire (what the H5 app keeps as a cover or logo). */
  publicUrl(cloudPath: string): string {
    if (isPrivate(cloudPath)) throw new StorageError(`${cloudPath} is private: use a temp URL`)
    return `${this.baseUrl()}${STORAGE_PREFIX}${cloudPath}`
  }

  tempUrls(list: unknown): FileResult[] {
    return asList(list).map((item) => {
      const entry = (typeof item === 'object' && item ? item : { fileid: item }) as {
        fileid?: unknown
        max_age?: unknown
      }
      const fileID = String(entry.fileid ?? '')
      const maxAge = entry.max_age ?? DEFAULT_MAX_AGE
      if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 1)
        throw new StorageError(`maxAge must be a whole number of seconds: ${String(maxAge)}`)
      const path = this.pathOf(fileID)
      if (path === undefined || !this.existing(path))
        return { fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }
      return { fileID, code: 'SUCCESS', tempFileURL: this.tempUrl(path, maxAge), maxAge }
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

  private tempUrl(cloudPath: string, maxAgeSeconds: number): string {
    const t = String(Math.floor(this.now() / 1000) + maxAgeSeconds)
    // The path is left unencoded on purpose: the SDK's downloadFile runs encodeURI over it, as over a real temp URL.
    return `${this.baseUrl()}${STORAGE_PREFIX}${cloudPath}?sign=${this.sign(cloudPath, t)}&t=${t}`
  }

  private sign(cloudPath: string, t: string): string {
    return createHmac('sha256', this.urlKey).update(`${cloudPath}\n${t}`).digest('base64url')
  }

  private validSignature(cloudPath: string, sign: string | null, t: string | null): boolean {
    if (!sign || !t || !/^\d{1,12}$/.test(t)) return false
    const expected = Buffer.from(this.sign(cloudPath, t))
    const given = Buffer.from(sign)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
    return Number(t) * 1000 > this.now()
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

export function isPrivate(cloudPath: string): boolean {
  return PRIVATE_FOLDERS.some((folder) => cloudPath.startsWith(folder))
}

function asList(list: unknown): unknown[] {
  if (!Array.isArray(list)) throw new StorageError('fileList must be a list')
  return list
}

export function storageRoot(dataDir: string): string {
  return join(dataDir, 'storage')
}
