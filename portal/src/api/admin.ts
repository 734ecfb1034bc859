// Users, tenants, API tokens and the audit log (the administration pages). Who may do what is the server's rule:
// admins manage their tenant's users, sysops everything; everyone manages their own tokens; tenants are for sysops.
import { del, get, post, request } from './http'
import type { Page, Role, Tenant, User } from './types'

/** An API token's metadata; its secret is shown only once, when it is made. */
export interface ApiToken {
  id: number
  name: string
  kind: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
}

/** The answer to creating a token: the secret (never shown again) and the token's metadata. */
export interface CreatedToken {
  token: string
  info: ApiToken
}

export interface AuditEntry {
  id: number
  at: string
  userId: number | null
  username: string
  tenantId: number | null
  action: string
  target: string
  details: string | null
}

/** The audit log's filters (GET /api/v1/audit): exact action, exact user name, time range (ISO-8601). */
export interface AuditFilter {
  action?: string
  user?: string
  since?: string
  until?: string
}

export const users = {
  list: () => get<User[]>('/users'),
  get: (id: number) => get<User>(`/users/${id}`),
  create: (username: string, password: string, role: Role, tenantId: number | null) =>
    post<User>('/users', { username, password, role, tenantId }),
  // Both members are sent (null: unchanged): the server's record has no defaults.
  update: (id: number, change: { role?: Role; disabled?: boolean }) =>
    request<User>('PATCH', `/users/${id}`, { body: { role: change.role ?? null, disabled: change.disabled ?? null } }),
  resetPassword: (id: number, newPassword: string) => post<void>(`/users/${id}/password`, { currentPassword: null, newPassword }),
  remove: (id: number) => del(`/users/${id}`),
}

export const tenants = {
  list: () => get<Tenant[]>('/tenants'),
  create: (name: string, displayName: string | null) => post<Tenant>('/tenants', { name, displayName }),
  remove: (id: number) => del(`/tenants/${id}`),
}

export const tokens = {
  list: () => get<ApiToken[]>('/tokens'),
  create: (name: string, expiresInDays: number | null) => post<CreatedToken>('/tokens', { name, expiresInDays }),
  revoke: (id: number) => del(`/tokens/${id}`),
}

export const audit = {
  list: (filter: AuditFilter, page: number, size: number, signal?: AbortSignal) =>
    get<Page<AuditEntry>>('/audit', { ...filter, page, size }, signal),
}
