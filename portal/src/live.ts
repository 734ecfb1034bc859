// The live stream (GET /api/v1/live, docs/live.md): one connection per signed-in tab, shared by every page.
// The browser's EventSource cannot send the Authorization header, so the stream is read with fetch() and its body's
// ReadableStream, with the same bearer token as every other call (never a token in a URL or a cookie).
// Pages subscribe to message types; after a reconnect, `onResync` handlers read the current state again, since
// what happened while the connection was down is not replayed.
import { reactive, watch, onBeforeUnmount } from 'vue'
import { bearerToken, reportUnauthorized } from './api/http'
import { readEventStream } from './api/sse'
import type { DeviceEvent, DeviceStatus, DeviceTask, EngineState } from './api/types'
import { session } from './session'

/** A device was in contact (`lastContactAt`) or its status changed (`status`; null when unchanged). */
export interface LiveDevice {
  id: number
  tenantId: number
  status: DeviceStatus | null
  lastContactAt: string | null
}

/** An engine was added, removed, or its state, wanted state or last error changed. */
export interface LiveEngine {
  id: number
  type: string
  alias: string
  index: number
  state: EngineState
  desiredState: 'running' | 'stopped'
  lastError: string | null
  node: string | null
  removed: boolean
  updatedAt: string
}

export interface LiveMessages {
  device: LiveDevice
  task: DeviceTask
  /** Same shape as GET /api/v1/events items; `id` is a unique negative number here (the stream has no event ids). */
  event: DeviceEvent
  engine: LiveEngine
}

export type LiveTopic = keyof LiveMessages

/** `off` (signed out), `connecting` (first connection), `live`, `reconnecting` (lost; retrying with backoff). */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting'

export const live = reactive({ state: 'off' as LiveState })

type Handler<K extends LiveTopic> = (data: LiveMessages[K]) => void
const handlers: { [K in LiveTopic]: Set<Handler<K>> } = { device: new Set(), task: new Set(), event: new Set(), engine: new Set() }
const resyncHandlers = new Set<() => void>()

/** Calls `handler` for each message of `topic`; returns the function that stops it. */
export function subscribe<K extends LiveTopic>(topic: K, handler: Handler<K>): () => void {
  const set = handlers[topic] as Set<Handler<K>>
  set.add(handler)
  return () => set.delete(handler)
}

/** Calls `handler` after each reconnect (not the first connect): read the current state again. */
export function onResync(handler: () => void): () => void {
  resyncHandlers.add(handler)
  return () => resyncHandlers.delete(handler)
}

/** `subscribe` for a component: stops when it unmounts. */
export function useLive<K extends LiveTopic>(topic: K, handler: Handler<K>): void {
  onBeforeUnmount(subscribe(topic, handler))
}

/** `onResync` for a component: stops when it unmounts. */
export function useResync(handler: () => void): void {
  onBeforeUnmount(onResync(handler))
}

let generation = 0
let controller: AbortController | null = null
let nextEventId = -1

function dispatch(type: string, text: string, connected: () => void): void {
  if (type === 'ready') {
    connected()
    return
  }
  if (!(type in handlers)) return // `dropped`: the server ends the stream next, and we reconnect
  const data = JSON.parse(text) as LiveMessages[LiveTopic]
  if (type === 'event' && (data as DeviceEvent).id === 0) (data as DeviceEvent).id = nextEventId--
  for (const handler of handlers[type as LiveTopic]) {
    try {
      ;(handler as (d: unknown) => void)(data)
    } catch (e) {
      console.warn('A live handler failed', e)
    }
  }
}

/** Reads the stream's events until it ends or this connection is no longer the current one. */
async function read(body: ReadableStream<Uint8Array>, mine: number, connected: () => void, watchdog: (seconds?: number) => void): Promise<void> {
  await readEventStream(body, {
    beforeChunk: () => {
      if (mine !== generation) return false
      watchdog()
      return true
    },
    event: ({ type, data }) => {
      if (type === 'ready') watchdog((JSON.parse(data) as { heartbeatSeconds: number }).heartbeatSeconds)
      dispatch(type, data, connected)
      return true
    },
  })
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => { clearTimeout(t); resolve() }, { once: true })
  })
}

async function run(mine: number): Promise<void> {
  let failures = 0
  let everConnected = false
  const stop = controller!.signal
  while (mine === generation) {
    const attempt = new AbortController()
    const onStop = () => attempt.abort()
    stop.addEventListener('abort', onStop, { once: true })
    // A silent connection (a proxy that dropped it without closing) is given up after three missed heartbeats.
    let heartbeat = 15
    let silence: ReturnType<typeof setTimeout> | undefined
    const watchdog = (seconds?: number) => {
      if (seconds) heartbeat = seconds
      clearTimeout(silence)
      silence = setTimeout(() => attempt.abort(), heartbeat * 3000)
    }
    live.state = everConnected || failures > 0 ? 'reconnecting' : 'connecting'
    try {
      const token = bearerToken()
      if (!token) return
      watchdog()
      const response = await fetch('/api/v1/live', {
        headers: { Accept: 'text/event-stream, application/problem+json', Authorization: `Bearer ${token}` },
        cache: 'no-store',
        signal: attempt.signal,
      })
      if (response.status === 401) {
        clearTimeout(silence)
        if (mine === generation) reportUnauthorized()
        return
      }
      if (response.ok && response.body) {
        await read(response.body, mine, () => {
          live.state = 'live'
          failures = 0
          if (everConnected) for (const h of resyncHandlers) h()
          everConnected = true
        }, watchdog)
      }
    } catch {
      // the network failed, the server went away, or we aborted: retry below unless stopped
    } finally {
      clearTimeout(silence)
      stop.removeEventListener('abort', onStop)
    }
    if (mine !== generation) return
    live.state = 'reconnecting'
    failures++
    // 1 s, 2 s, 4 s … up to 30 s, with jitter so many tabs do not come back at once after a restart
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5)) * (0.75 + Math.random() * 0.5)
    await pause(delay, stop)
  }
}

function start(): void {
  stopLive()
  const mine = ++generation
  controller = new AbortController()
  void run(mine)
}

/** Closes the connection (signing out does it by itself). */
export function stopLive(): void {
  generation++
  controller?.abort()
  controller = null
  live.state = 'off'
}

// One connection while signed in; none otherwise.
watch(() => session.signedIn.value, (on) => (on ? start() : stopLive()), { immediate: true })
