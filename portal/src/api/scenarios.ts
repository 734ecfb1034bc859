// Scenarios (docs/scenarios.md): stored texts, validation, save-as, runs with their results, and a run's live log read from
// GET /api/v1/scenarios/runs/{run}/log/stream (server-sent events, read with fetch() so the bearer token goes with it).
import { ApiError, bearerToken, del, failure, get, post, reportUnauthorized, request } from './http'
import { readEventStream } from './sse'
import type { Page } from './types'

export interface ScenarioSummary {
  id: number
  tenantId: number
  name: string
  revision: number
  derivedFromId: number | null
  updatedAt: string
  updatedBy: string
}

export interface Scenario extends ScenarioSummary {
  text: string
  derivedFromRevision: number | null
  createdAt: string
  createdBy: string
}

export interface ScenarioProblem {
  line: number
  column: number
  path: string
  message: string
}

export interface ScenarioValidation {
  valid: boolean
  name: string | null
  stepCount: number
  problems: ScenarioProblem[]
}

export interface ScenarioKpis {
  attempts: number
  served: number
  ssr: number | null
  ssrLow: number
  ssrHigh: number
  timeouts: number
  failures: number
  retries: number
  unexpected: number
  framesReceived: number
  badPackets: number
  responseCount: number
  p50: number | null
  p90: number | null
  p95: number | null
  p99: number | null
  mean: number | null
  min: number | null
  max: number | null
  counters: Record<string, number>
}

export interface ScenarioThreshold {
  threshold: string
  actual: number | null
  passed: boolean
}

export interface ScenarioStepResult {
  step: string
  iteration: number
  attempt: number
  retry: number
  item: string | null
  status: string
  responseMicros: number | null
  matched: string | null
  message: string | null
}

export interface ScenarioRunResult {
  status: string
  verdict: string
  message: string | null
  durationSeconds: number
  kpis: ScenarioKpis
  thresholds: ScenarioThreshold[]
  steps: ScenarioStepResult[]
  stepsOmitted: number
  timersMicros: Record<string, number[]>
  flaggedFrames: number[]
}

export interface ScenarioRun {
  id: number
  tenantId: number
  scenarioId: number
  scenarioRevision: number
  deviceId: number | null
  target: string | null
  /** running, completed, aborted, limit-reached, stopped or error. */
  state: string
  verdict: string | null
  message: string | null
  requestedBy: string
  startedAt: string
  endedAt: string | null
  result: ScenarioRunResult | null
}

/** POST /scenarios/{id}/runs: at most one of deviceId, group, target; none runs against the scenario's own transport. */
export interface StartRun {
  deviceId?: number
  group?: string
  target?: string
  startAt?: string
  variables?: Record<string, string>
}

/** One log event of a run (an NDJSON line): µs since the run started, kind, step, bytes as HEX and printable ASCII, text. */
export interface RunEvent {
  /** Absent on a note the server adds (lines not kept). */
  seq?: number
  us?: number
  kind: string
  step?: string
  hex?: string
  ascii?: string
  text?: string
}

export const list = (page: number, size: number) => get<Page<ScenarioSummary>>('/scenarios', { page, size })
export const getOne = (id: number) => get<Scenario>(`/scenarios/${id}`)
export const create = (text: string, name?: string, tenantId?: number | null) =>
  post<Scenario>('/scenarios', { text, name: name || null, tenantId: tenantId ?? null })
export const update = (id: number, text: string, revision: number) => request<Scenario>('PUT', `/scenarios/${id}`, { body: { text, revision } })
export const saveAs = (id: number, name: string) => post<Scenario>(`/scenarios/${id}/save-as`, { name })
export const remove = (id: number) => del(`/scenarios/${id}`)
export const validate = (text: string) => post<ScenarioValidation>('/scenarios/validate', { text })
export const start = (id: number, body: StartRun) => post<ScenarioRun[]>(`/scenarios/${id}/runs`, body)
export const runs = (id: number, page: number, size: number) => get<Page<ScenarioRun>>(`/scenarios/${id}/runs`, { page, size })
export const deviceRuns = (deviceId: number, page = 1, size = 10) => get<Page<ScenarioRun>>('/scenarios/runs', { deviceId, page, size })
export const run = (runId: number) => get<ScenarioRun>(`/scenarios/runs/${runId}`)
export const control = (runId: number, verb: 'pause' | 'resume' | 'stop') => post<void>(`/scenarios/runs/${runId}/${verb}`)

/** What the log stream calls back with. */
export interface LogStreamHandlers {
  /** Events as they arrive, in order (several at once when the stream delivered them together). */
  onEvents: (events: RunEvent[]) => void
  /** The run ended; its stored state (without the result: read the run for that). */
  onEnd: (run: ScenarioRun) => void
}

/**
 * Reads a run's log stream until its `end` event, the signal aborts, or the connection drops (then it throws, and the caller
 * may call again with `after` = the last sequence seen: the server resumes there).
 */
export async function followLog(runId: number, after: number, handlers: LogStreamHandlers, signal: AbortSignal): Promise<void> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' }
  const token = bearerToken()
  if (token) headers.Authorization = `Bearer ${token}`
  const response = await fetch(`/api/v1/scenarios/runs/${runId}/log/stream${after > 0 ? `?after=${after}` : ''}`, { headers, signal })
  if (!response.ok || !response.body) {
    if (response.status === 401) reportUnauthorized()
    throw await failure(response)
  }

  let batch: RunEvent[] = []
  let ended: ScenarioRun | null = null
  await readEventStream(response.body, {
    event: ({ type, data }) => {
      if (type === 'log') batch.push(JSON.parse(data) as RunEvent)
      if (type !== 'end') return true
      ended = JSON.parse(data) as ScenarioRun
      return false
    },
    afterChunk: () => {
      if (batch.length) handlers.onEvents(batch)
      batch = []
    },
  })
  if (ended === null) throw new ApiError(0, null, 'The log stream closed before the run ended.')
  handlers.onEnd(ended)
}
