// The typed client over the public REST API: one function per route the portal uses.
import { get, post, del, request } from './http'
import type {
  Device, DeviceAggregates, DeviceEvent, DeviceFilter, DeviceParameter, DeviceTask, Engine, EngineType, LoginResponse, Page,
  ServiceReport, Tenant, User,
} from './types'

export { ApiError, onUnauthorized, setToken } from './http'
export type * from './types'


export const auth = {
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/auth/login', { body: { username, password }, anonymous: true }),
  logout: () => post<void>('/auth/logout'),
  me: () => get<User>('/auth/me'),
}

export const tenants = {
  list: () => get<Tenant[]>('/tenants'),
}

export const devices = {
  list: (filter: DeviceFilter, page: number, size: number, signal?: AbortSignal) =>
    get<Page<Device>>('/devices', { ...filter, page, size }, signal),
  get: (id: number) => get<Device>(`/devices/${id}`),
  summary: (limit = 10) => get<DeviceAggregates>('/devices/summary', { limit }),
  parameters: (id: number, prefix?: string) => get<DeviceParameter[]>(`/devices/${id}/parameters`, { prefix }),
  events: (id: number, page = 1, size = 20) => get<Page<DeviceEvent>>(`/devices/${id}/events`, { page, size }),
  tasks: (id: number) => get<DeviceTask[]>(`/devices/${id}/tasks`),
  queueTask: (id: number, kind: string, args?: Record<string, unknown>) =>
    post<DeviceTask>(`/devices/${id}/tasks`, { kind, arguments: args ?? null }),
}

export const tasks = {
  get: (id: number) => get<DeviceTask>(`/tasks/${id}`),
}

export const events = {
  recent: (size = 10) => get<Page<DeviceEvent>>('/events', { page: 1, size }),
}

export const engines = {
  list: () => get<Engine[]>('/engines'),
  types: () => get<EngineType[]>('/engine-types'),
  add: (type: string, alias: string, config: Record<string, unknown> | null) => post<Engine>('/engines', { type, alias, config }),
  remove: (type: string, alias: string) => del(`/engines/${encodeURIComponent(type)}/${encodeURIComponent(alias)}`),
  start: (type: string, index: number) => post<Engine[]>(`/engines/${encodeURIComponent(type)}/${index}/start`),
  stop: (type: string, index: number) => post<Engine[]>(`/engines/${encodeURIComponent(type)}/${index}/stop`),
}

export const service = {
  report: () => get<ServiceReport>('/service/report'),
}
export * as provisioning from './provisioning'
export * as snmp from './snmp'
export * as serviceControl from './serviceControl'
export * as scenarios from './scenarios'
export * as qos from './qos'
export * as files from './files'
export * as admin from './admin'
export * as bulk from './bulk'
