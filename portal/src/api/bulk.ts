// Bulk tasks: one task kind queued for many devices (explicit ids or the device list's filter) and the job's progress.
import { get, post } from './http'
import type { DeviceFilter } from './types'

/** The device list's filters, as GET /api/v1/devices takes them. */
export type BulkFilter = DeviceFilter

/** A bulk job: the tasks written (total) and how many are queued, sent, done, failed or expired; finished once none waits. */
export interface BulkJob {
  id: number
  kind: string
  selection: string
  state: 'queuing' | 'queued' | 'interrupted'
  matched: number
  total: number
  queued: number
  sent: number
  done: number
  failed: number
  expired: number
  finished: boolean
  createdBy: string
  createdAt: string
  finishedAt: string | null
}

/** Either ids or a filter selects the devices. */
export type BulkSelection = { deviceIds: number[] } | { filter: BulkFilter }

export const create = (selection: BulkSelection, kind: string, args?: Record<string, unknown>) =>
  post<BulkJob>('/devices/bulk-tasks', { ...selection, kind, arguments: args ?? null })

export const progress = (id: number) => get<BulkJob>(`/bulk-tasks/${id}`)
