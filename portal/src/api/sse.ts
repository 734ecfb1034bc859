// Reading a text/event-stream body (WHATWG HTML §9.2.6) from fetch(): the browser's EventSource cannot send the
// Authorization header, so every stream the portal follows (the live stream, a scenario run's log) is read with this.

/** One event: its type (`message` when it names none), its data lines joined with "\n", its id (null when it has none). */
export interface StreamEvent {
  type: string
  data: string
  id: string | null
}

export interface StreamHandlers {
  /** Each event that carries data, in order; return false to stop reading. */
  event: (e: StreamEvent) => boolean | void
  /** Before a chunk's events are handled; return false to stop reading. */
  beforeChunk?: () => boolean | void
  /** After a chunk's events were handled (to apply them as one batch). */
  afterChunk?: () => void
}

/** Reads events until the body ends (returns false) or a handler stops it (cancels the body, returns true). */
export async function readEventStream(body: ReadableStream<Uint8Array>, handlers: StreamHandlers): Promise<boolean> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let type = 'message'
  let id: string | null = null
  let data: string[] = []
  const stop = async () => {
    await reader.cancel().catch(() => undefined)
    return true
  }
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return false
    if (handlers.beforeChunk?.() === false) return stop()
    buffer += decoder.decode(value, { stream: true })
    let newline: number
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '')
      buffer = buffer.slice(newline + 1)
      if (line === '') {
        const stopped = data.length > 0 && handlers.event({ type, data: data.join('\n'), id }) === false
        type = 'message'
        data = []
        if (stopped) {
          handlers.afterChunk?.()
          return stop()
        }
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line[5] === ' ' ? 6 : 5))
      } else if (line.startsWith('event:')) {
        type = line.slice(6).trim()
      } else if (line.startsWith('id:')) {
        id = line.slice(line[3] === ' ' ? 4 : 3)
      }
    }
    handlers.afterChunk?.()
  }
}
