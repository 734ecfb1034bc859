// The JSON shapes of the QDMS REST API (src/Qdms.Contracts), as the server writes them (camelCase, ISO-8601 times).

export type Role = 'viewer' | 'operator' | 'admin' | 'sysop'
export type DeviceStatus = 'unknown' | 'online' | 'offline' | 'unreachable'
export type TaskStatus = 'queued' | 'sent' | 'done' | 'failed' | 'expired'
export type EngineState = 'active' | 'inactive' | 'starting' | 'failed'

export interface User {
  id: number
  username: string
  role: Role
  tenantId: number | null
  disabled: boolean
  createdAt: string
}

export interface LoginResponse {
  token: string
  expiresAt: string | null
  user: User
}

export interface Tenant {
  id: number
  name: string
  displayName: string
  createdAt: string
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

export interface DeviceIdentity {
  protocol: string
  key: string
}

export interface Device {
  id: number
  tenantId: number
  name: string
  manufacturer: string | null
  model: string | null
  serial: string | null
  firmwareVersion: string | null
  address: string | null
  lastContactAt: string | null
  status: DeviceStatus
  tags: string[]
  provisionGroup: string | null
  updateGroup: string | null
  credentialsUsername: string | null
  createdAt: string
  updatedAt: string
  identities: DeviceIdentity[]
}

export interface DeviceParameter {
  path: string
  value: string | null
  type: string
  writable: boolean
  updatedAt: string
}

export interface DeviceTask {
  id: number
  deviceId: number
  tenantId: number
  kind: string
  arguments: unknown
  status: TaskStatus
  result: unknown
  faultCode: string | null
  faultMessage: string | null
  createdAt: string
  updatedAt: string
  expiresAt: string | null
  createdBy: string
}

export interface GroupCount {
  key: string | null
  count: number
}

export interface DeviceAggregates {
  total: number
  byStatus: GroupCount[]
  byProtocol: GroupCount[]
  byModel: GroupCount[]
  byFirmwareVersion: GroupCount[]
}

export interface DeviceEvent {
  id: number
  tenantId: number | null
  deviceId: number | null
  source: string
  type: string
  severity: 'info' | 'warning' | 'minor' | 'major' | 'critical'
  time: string
  message: string
  origin: string | null
  data: unknown
}

export interface Engine {
  id: number
  type: string
  alias: string
  index: number
  state: EngineState
  desiredState: 'running' | 'stopped'
  lastError: string | null
  details: Record<string, string>
  config: Record<string, unknown>
  node: string | null
  createdAt: string
  updatedAt: string
}

export interface EngineConfigField {
  name: string
  kind: string
  description: string
  secret: boolean
}

export interface EngineType {
  name: string
  description: string
  defaultConfig: Record<string, unknown>
  fields: EngineConfigField[]
}

export interface ServiceComponent {
  name: string
  running: boolean
  lastError: string | null
}

export interface ServiceReport {
  state: 'running' | 'stopped'
  startedAt: string | null
  uptimeSeconds: number
  node: string
  engineCount: number
  activeCount: number
  failedCount: number
  hasErrors: boolean
  engines: Engine[]
  components: ServiceComponent[]
  devices: { total: number; byStatus: Record<string, number> }
}

/** An RFC 9457 problem as the API writes it; `errors` names the fields of a 400. */
export interface Problem {
  status: number
  title: string
  detail?: string
  errors?: Record<string, string[]>
}

/** The device list's filters (GET /api/v1/devices); every one given must match. */
export interface DeviceFilter {
  q?: string
  status?: string
  protocol?: string
  model?: string
  firmware?: string
  tag?: string
  group?: string
}
