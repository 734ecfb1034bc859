// CRC-32/IEEE 802.3 (zlib, PKZIP: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF), the CRC the file
// repository checks on upload (src/Qdms.Core/Files/Crc32.cs). Slicing-by-8: eight 256-entry tables, eight bytes a step.

const tables: Uint32Array[] = (() => {
  const t = Array.from({ length: 8 }, () => new Uint32Array(256))
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[0][n] = c >>> 0
  }
  for (let n = 0; n < 256; n++) {
    for (let s = 1; s < 8; s++) t[s][n] = (t[0][t[s - 1][n] & 0xff] ^ (t[s - 1][n] >>> 8)) >>> 0
  }
  return t
})()

/** The running state of a CRC before the final XOR; start with {@link crc32Start}. */
export type Crc32State = number

export const crc32Start = (): Crc32State => 0xffffffff

/** Feeds `bytes` into the running CRC `state` and returns the new state. */
export function crc32Update(state: Crc32State, bytes: Uint8Array): Crc32State {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = tables
  let c = state >>> 0
  let i = 0
  const n = bytes.length
  const fast = n - (n % 8)
  while (i < fast) {
    const a = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) ^ c
    c = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24]
      ^ t3[bytes[i + 4]] ^ t2[bytes[i + 5]] ^ t1[bytes[i + 6]] ^ t0[bytes[i + 7]]
    i += 8
  }
  while (i < n) c = t0[(c ^ bytes[i++]) & 0xff] ^ (c >>> 8)
  return c >>> 0
}

/** The CRC-32 of a finished state. */
export const crc32Finish = (state: Crc32State): number => (state ^ 0xffffffff) >>> 0

/** A CRC as the API shows it: `0x` and eight upper-case hex digits. */
export const formatCrc = (crc: number): string => `0x${(crc >>> 0).toString(16).toUpperCase().padStart(8, '0')}`

/** Bytes read a step: large enough to be fast, small enough to report progress often and keep memory flat. */
export const chunkBytes = 4 * 1024 * 1024

/** Messages the CRC worker posts back: progress while reading, then the result or why it failed. */
export type Crc32Message =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; crc: number; total: number; millis: number }
  | { kind: 'error'; message: string }

/** Computes a file's CRC-32 chunk by chunk on the calling thread (the worker's body, and a fallback without workers). */
export async function crc32OfBlob(blob: Blob, progress: (done: number) => void, cancelled: () => boolean = () => false): Promise<number> {
  let state = crc32Start()
  for (let offset = 0; offset < blob.size; offset += chunkBytes) {
    if (cancelled()) throw new DOMException('The CRC computation was cancelled.', 'AbortError')
    const bytes = new Uint8Array(await blob.slice(offset, offset + chunkBytes).arrayBuffer())
    state = crc32Update(state, bytes)
    progress(Math.min(blob.size, offset + bytes.length))
  }
  return crc32Finish(state)
}

/**
 * The CRC-32 of `file`, computed in a Web Worker so a large file does not freeze the page; `progress` gets the bytes done.
 * Abort through `signal` (the worker is terminated).
 */
export function computeCrc32(file: Blob, progress: (done: number, total: number) => void, signal?: AbortSignal): Promise<{ crc: number; millis: number }> {
  if (typeof Worker === 'undefined') {
    const started = performance.now()
    return crc32OfBlob(file, (d) => progress(d, file.size), () => signal?.aborted ?? false)
      .then((crc) => ({ crc, millis: performance.now() - started }))
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./crc32.worker.ts', import.meta.url), { type: 'module' })
    const stop = () => {
      worker.terminate()
      reject(new DOMException('The CRC computation was cancelled.', 'AbortError'))
    }
    if (signal?.aborted) return stop()
    signal?.addEventListener('abort', stop, { once: true })
    worker.onmessage = (event: MessageEvent<Crc32Message>) => {
      const m = event.data
      if (m.kind === 'progress') {
        progress(m.done, m.total)
        return
      }
      signal?.removeEventListener('abort', stop)
      worker.terminate()
      if (m.kind === 'done') resolve({ crc: m.crc, millis: m.millis })
      else reject(new Error(m.message))
    }
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', stop)
      worker.terminate()
      event.preventDefault()
      reject(new Error(`The CRC could not be computed: ${event.message || 'the worker failed'}`))
    }
    worker.postMessage(file)
  })
}
