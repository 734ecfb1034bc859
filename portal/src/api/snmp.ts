// SNMP polling profiles and their assignments (/api/v1/snmp), and a device's SNMP settings: shapes of docs/snmp.md.
import { del, get, post, request } from './http'

export type MetricKind = 'none' | 'gauge' | 'rate'

/** One object of a profile: a parameter only (kind none), or also a measurement (gauge) or a rate of a counter. */
export interface SnmpObject {
  oid: string
  name: string
  metric?: string | null
  kind?: MetricKind | null
  scale?: number | null
}

/** A table: some columns, every row. */
export interface SnmpTable {
  name: string
  columns: SnmpObject[]
}

/** A polling profile; built-in ones have no tenant and cannot be changed. */
export interface Profile {
  name: string
  tenantId: number | null
  description: string | null
  intervalSeconds: number
  scalars: SnmpObject[]
  tables: SnmpTable[]
  builtIn: boolean
}

export interface ProfileInput {
  name: string
  intervalSeconds: number
  scalars: SnmpObject[]
  tables: SnmpTable[]
  description?: string | null
}

/** A profile assigned to one device or to a tag (every device of the tenant carrying it). */
export interface Assignment {
  id: number
  tenantId: number
  profile: string
  deviceId: number | null
  tag: string | null
  createdAt: string
}

export interface AssignmentInput {
  profile: string
  deviceId?: number | null
  tag?: string | null
  /** A sysop's tag assignment: the tenant whose devices carry the tag. */
  tenantId?: number | null
}

/** A device's SNMP settings; secrets are never sent back, only whether they are set. */
export interface Settings {
  deviceId: number
  host: string
  port: number
  version: string
  communitySet: boolean
  user: { name: string; authProtocol: string; authPasswordSet: boolean; privProtocol: string; privPasswordSet: boolean } | null
  contextName: string | null
  engineId: string | null
  updatedAt: string
}

const tenantQuery = (tenantId?: number | null) => ({ tenantId: tenantId ?? undefined })

export const profiles = {
  list: () => get<Profile[]>('/snmp/profiles'),
  /** `tenantId` is for sysops: the tenant of the profile (default: the default tenant). */
  create: (profile: ProfileInput, tenantId?: number | null) =>
    request<Profile>('POST', '/snmp/profiles', { body: profile, query: tenantQuery(tenantId) }),
  update: (name: string, profile: ProfileInput, tenantId?: number | null) =>
    request<Profile>('PUT', `/snmp/profiles/${encodeURIComponent(name)}`, { body: profile, query: tenantQuery(tenantId) }),
  remove: (name: string, tenantId?: number | null) =>
    request<void>('DELETE', `/snmp/profiles/${encodeURIComponent(name)}`, { query: tenantQuery(tenantId) }),
}

export const assignments = {
  list: () => get<Assignment[]>('/snmp/assignments'),
  add: (assignment: AssignmentInput) => post<Assignment>('/snmp/assignments', assignment),
  remove: (id: number) => del(`/snmp/assignments/${id}`),
}

export const settings = {
  get: (deviceId: number) => get<Settings>(`/devices/${deviceId}/snmp`),
}

/** The OIDs a profile reads, as a short text: `sysName, sysUpTime; if(ifDescr, ifInOctets)`. */
export function describeObjects(p: Profile): string {
  const scalars = p.scalars.map((s) => s.name)
  const tables = p.tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(', ')})`)
  return [...scalars, ...tables].join(', ')
}

/** The metrics a profile measures; a table's as `snmp.<table>.<index>.{a, b}` (one line per table name). */
export function metricsOf(p: Profile): string[] {
  const scalars = p.scalars.filter((s) => s.metric && s.kind !== 'none').map((s) => s.metric!)
  const byTable = new Map<string, string[]>()
  for (const t of p.tables) {
    const metrics = t.columns.filter((c) => c.metric && c.kind !== 'none').map((c) => c.metric!)
    if (metrics.length) byTable.set(t.name, [...new Set([...(byTable.get(t.name) ?? []), ...metrics])])
  }
  return [...scalars, ...[...byTable].map(([name, metrics]) => `snmp.${name}.<index>.{${metrics.join(', ')}}`)]
}

/** Compares dotted OIDs numerically (1.3.6.1.2.1.1.9 before 1.3.6.1.2.1.1.10). */
export function compareOids(a: string, b: string): number {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] - y[i]
  }
  return x.length - y.length
}
