// Computes a file's CRC-32 off the page's thread: receives a Blob, posts progress per chunk, then the CRC (crc32.ts).
import { crc32OfBlob, type Crc32Message } from './crc32'

const post = (m: Crc32Message) => (self as unknown as Worker).postMessage(m)

self.onmessage = async (event: MessageEvent<Blob>) => {
  const blob = event.data
  const started = performance.now()
  try {
    post({ kind: 'progress', done: 0, total: blob.size })
    const crc = await crc32OfBlob(blob, (done) => post({ kind: 'progress', done, total: blob.size }))
    post({ kind: 'done', crc, total: blob.size, millis: performance.now() - started })
  } catch (e) {
    post({ kind: 'error', message: `The file could not be read: ${(e as Error).message}` })
  }
}
