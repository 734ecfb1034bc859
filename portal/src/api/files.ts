// The file repository (IF-03): register with an upload that reports progress, list, unregister, file-server status,
// download tokens. Registration goes through XMLHttpRequest because fetch reports no upload progress.
import { ApiError, bearerToken, del, get, post, reportUnauthorized } from './http'
import type { Page, Problem } from './types'

export type FileType = 'fw' | 'sw' | 'config' | 'other'

/** The types the API accepts, with labels for the page. */
export const fileTypes: { value: FileType; label: string }[] = [
  { value: 'fw', label: 'Firmware' },
  { value: 'sw', label: 'Software' },
  { value: 'config', label: 'Configuration' },
  { value: 'other', label: 'Other' },
]

/** A registered file (GET /api/v1/files); `crc32` is `0x` and eight upper-case hex digits. */
export interface StoredFile {
  id: number
  tenantId: number
  type: FileType
  provisionGroupId: string
  updateGroupId: string
  fileName: string
  version: string
  crc32: string
  sha256: string
  size: number
  createdAt: string
  createdBy: string
  downloadPath: string
}

/** One file server's state (IF-03-03 QuerySts). */
export interface FileServer {
  name: string
  kind: string
  status: 'ok' | 'error'
  error: string | null
  freeBytes: number | null
  totalBytes: number | null
  fileCount: number
  bytesStored: number
}

/** A new download token and the URL a device (or a browser) fetches the file with until it expires. */
export interface DownloadToken {
  token: string
  fileId: number
  deviceId: number | null
  taskId: number | null
  expiresAt: string
  url: string
}

/** The fields of RegisterFile (IF-03-01) besides the content; `crc` in hex; `tenantId` only for sysops. */
export interface Registration {
  type: FileType
  provisionGroupId: string
  updateGroupId: string
  fileName: string
  version: string
  crc: string
  tenantId?: number | null
}

export interface FileFilter {
  type?: FileType | ''
  group?: string
}

export const list = (filter: FileFilter, page: number, size: number, signal?: AbortSignal) =>
  get<Page<StoredFile>>('/files', { type: filter.type || undefined, group: filter.group?.trim() || undefined, page, size }, signal)

export const show = (id: number) => get<StoredFile>(`/files/${id}`)

export const unregister = (id: number) => del(`/files/${id}`)

export const servers = () => get<FileServer[]>('/file-servers')

export const downloadToken = (id: number, expiresInSeconds?: number) =>
  post<DownloadToken>(`/files/${id}/download-tokens`, expiresInSeconds ? { expiresInSeconds } : {})

/** An upload under way: its result, and how to stop it. */
export interface Upload {
  done: Promise<StoredFile>
  cancel: () => void
}

/**
 * RegisterFile: POST /api/v1/files as multipart/form-data (the fields first, then the part `content`), with the bearer
 * token. `progress` gets the bytes of the body sent so far and its total. A problem+json answer becomes an {@link ApiError}
 * (a CRC mismatch is the API's 422 naming both CRCs; a file over the limit its 413); cancel() aborts with an AbortError.
 */
export function register(registration: Registration, content: Blob, progress: (sent: number, total: number) => void): Upload {
  const form = new FormData()
  for (const [name, value] of Object.entries(registration)) {
    if (value !== undefined && value !== null && value !== '') form.append(name, String(value))
  }
  form.append('content', content, registration.fileName)

  const xhr = new XMLHttpRequest()
  const done = new Promise<StoredFile>((resolve, reject) => {
    xhr.open('POST', '/api/v1/files')
    xhr.setRequestHeader('Accept', 'application/json')
    const token = bearerToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.responseType = 'text'
    xhr.upload.onprogress = (e) => progress(e.loaded, e.lengthComputable ? e.total : content.size)
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as StoredFile)
        return
      }
      if (xhr.status === 401) reportUnauthorized()
      reject(new ApiError(xhr.status, problemOf(xhr.responseText), `${xhr.status} ${xhr.statusText}`))
    }
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    xhr.onerror = () => reject(new ApiError(0, null,
      'The upload was cut off: the server closed the connection or cannot be reached (a file over the server\'s size limit is refused this way).'))
    xhr.send(form)
  })
  return { done, cancel: () => xhr.abort() }
}

function problemOf(text: string): Problem | null {
  try {
    return JSON.parse(text) as Problem
  } catch {
    return null
  }
}
