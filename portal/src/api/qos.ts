// Device QoS (/api/v1/qos): rankings of a device set by weighted KPIs with their breakdown, the overview of measured
// devices, and a device's KPI series. Shapes mirror src/Qdms.Contracts/QosDtos.cs and QosOverviewDto.cs.
import { get, post } from './http'

/** The groups the evaluator scores, as the rank API names them, and the store name of their series. */
export const groups = [
  { id: 'RTT', series: 'rtt', label: 'RTT', unit: 'ms' },
  { id: 'CPU_TOTAL_LOAD', series: 'cpu_total_load', label: 'CPU load', unit: '%' },
  { id: 'MEMORY_USED', series: 'memory_used', label: 'Memory used', unit: '%' },
  { id: 'NETWORK_EGRESS_LOAD', series: 'network_egress_load', label: 'Network egress', unit: '%' },
  { id: 'NETWORK_INGRESS_LOAD', series: 'network_ingress_load', label: 'Network ingress', unit: '%' },
] as const

/** The statistics a metric can take over the window (GROUP_STAT). */
export const statistics = ['MEAN', 'MEDIAN', 'MINIMUM', 'MAXIMUM', 'CURRENT'] as const

export type GroupId = (typeof groups)[number]['id']
export type Statistic = (typeof statistics)[number]

/** POST /api/v1/qos/rank: devices by id and/or by tag (group), model, or every device (all). */
export interface RankRequest {
  deviceIds?: number[]
  group?: string
  model?: string
  all?: boolean
  metrics?: string[]
  weights?: number[]
  window?: number
}

/** One metric's part in a score: value in percent (100 = worst or no data), normalised weight, weight × value. */
export interface MetricScore {
  metric: string
  value: number
  weight: number
  contribution: number
  missing: boolean
  batches: number
}

export interface RankedDevice {
  rank: number
  deviceId: number
  name: string
  score: number
  metrics: MetricScore[]
}

export interface Ranking {
  devices: RankedDevice[]
  metrics: string[]
  weights: number[]
  window: number
}

export interface ScoreBand {
  from: number
  to: number
  count: number
}

export interface Overview {
  window: number
  metrics: string[]
  measured: number
  noData: number
  bands: ScoreBand[]
  best: RankedDevice[]
  worst: RankedDevice[]
}

/** One stored batch of a device: RTT in ms, the rest in percent. */
export interface Measurement {
  time: string
  metric: string
  minimum: number | null
  maximum: number | null
  mean: number | null
  median: number | null
  current: number | null
  count: number
  lossPercent: number | null
  jitter: number | null
  p95: number | null
  failed: boolean
}

/** The most points one series call returns (the server's limit). */
export const maxSeriesPoints = 10000

export const rank = (request: RankRequest) => post<Ranking>('/qos/rank', request)

export const overview = (window?: number, top = 5) => get<Overview>('/qos/overview', { window, top })

export const series = (deviceId: number, metric: string, from: Date, to: Date, limit = maxSeriesPoints, signal?: AbortSignal) =>
  get<Measurement[]>(`/qos/devices/${deviceId}/series`, { metric, from: from.toISOString(), to: to.toISOString(), limit }, signal)
