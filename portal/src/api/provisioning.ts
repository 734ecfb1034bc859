// TR-069 provisioning rules (/api/v1/provisioning/rules): the shapes of docs/provisioning.md and one function per route.
import { del, get, request } from './http'

/** A value to set and, optionally, its TR-069 type; without a type the device's reported type is used. */
export interface RuleValue {
  value: string
  type?: string | null
}

/** `path op value`, op `=`, `!=` or `prefix`. */
export interface ParameterCondition {
  path: string
  op: string
  value: string
}

/** Preconditions; every one given must hold. Text ones match exactly, or as a glob with `*` and `?`. */
export interface RuleConditions {
  oui?: string | null
  productClass?: string | null
  manufacturer?: string | null
  model?: string | null
  softwareVersion?: string | null
  provisionGroup?: string | null
  updateGroup?: string | null
  tag?: string | null
  parameters?: ParameterCondition[] | null
}

export type RuleActionType = 'set' | 'refresh' | 'addTag' | 'setGroup' | 'download' | 'reboot'

export interface RuleAction {
  type: RuleActionType
  values?: Record<string, RuleValue> | null
  path?: string | null
  tag?: string | null
  provisionGroup?: string | null
  updateGroup?: string | null
  fileId?: number | null
  fileType?: string | null
}

/** A rule as written (POST, PUT). A `values` entry is a string, or `{ value, type }`. */
export interface RuleInput {
  name: string
  description?: string | null
  enabled: boolean
  priority: number
  events: string[]
  when?: RuleConditions | null
  actions: Array<Omit<RuleAction, 'values'> & { values?: Record<string, string | RuleValue> | null }>
}

/** A stored rule; `revision` rises with every edit. */
export interface Rule {
  id: number
  tenantId: number
  name: string
  description: string | null
  enabled: boolean
  priority: number
  revision: number
  events: string[]
  when: RuleConditions
  actions: RuleAction[]
  createdAt: string
  updatedAt: string
  updatedBy: string
}

export interface ConditionResult {
  condition: string
  holds: boolean
  actual: string | null
}

export interface ActionPreview {
  type: string
  action: string
  apply: boolean
  reason: string
  taskKind: string | null
}

/** What a rule would do to a device now, and why. */
export interface Preview {
  ruleId: number
  revision: number
  deviceId: number
  enabled: boolean
  eventCode: string | null
  runsOnEvent: boolean
  conditionsHold: boolean
  applies: boolean
  conditions: ConditionResult[]
  actions: ActionPreview[]
}

/** The Inform event codes of TR-069 Annex A.3.3.1 Table 7 (rules may also name `M <method>` codes). */
export const eventCodes = [
  '0 BOOTSTRAP', '1 BOOT', '2 PERIODIC', '3 SCHEDULED', '4 VALUE CHANGE', '5 KICKED', '6 CONNECTION REQUEST',
  '7 TRANSFER COMPLETE', '8 DIAGNOSTICS COMPLETE', '9 REQUEST DOWNLOAD', '10 AUTONOMOUS TRANSFER COMPLETE',
  '11 DU STATE CHANGE COMPLETE', '12 AUTONOMOUS DU STATE CHANGE COMPLETE', '13 WAKEUP', '14 HEARTBEAT',
] as const

/** The value types a set action may name. */
export const valueTypes = ['string', 'int', 'unsignedInt', 'boolean', 'dateTime', 'base64', 'hexBinary', 'long', 'unsignedLong'] as const

/** The action types, in the order the form offers them. */
export const actionTypes: RuleActionType[] = ['set', 'refresh', 'addTag', 'setGroup', 'download', 'reboot']

export const rules = {
  list: () => get<Rule[]>('/provisioning/rules'),
  get: (id: number) => get<Rule>(`/provisioning/rules/${id}`),
  /** `tenantId` is for sysops (default: the default tenant). */
  create: (rule: RuleInput, tenantId?: number | null) =>
    request<Rule>('POST', '/provisioning/rules', { body: rule, query: { tenantId: tenantId ?? undefined } }),
  update: (id: number, rule: RuleInput) => request<Rule>('PUT', `/provisioning/rules/${id}`, { body: rule }),
  remove: (id: number) => del(`/provisioning/rules/${id}`),
  preview: (id: number, deviceId: number, event?: string | null) =>
    request<Preview>('POST', `/provisioning/rules/${id}/preview`, { query: { deviceId, event: event || undefined } }),
}

/** The rule as it would be written back (for enable/disable, which is a replace). */
export function toInput(rule: Rule): RuleInput {
  return {
    name: rule.name,
    description: rule.description,
    enabled: rule.enabled,
    priority: rule.priority,
    events: [...rule.events],
    when: Object.fromEntries(Object.entries(rule.when ?? {}).filter(([, v]) => v !== null && v !== undefined)) as RuleConditions,
    actions: rule.actions.map((a) =>
      Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null && v !== undefined)) as RuleAction),
  }
}

/** A one-line summary of an action: `set 2 values`, `addTag provisioned` … */
export function describeAction(a: RuleAction): string {
  switch (a.type) {
    case 'set': {
      const paths = Object.keys(a.values ?? {})
      return paths.length === 1 ? `set ${paths[0]}=${a.values![paths[0]].value}` : `set ${paths.length} values`
    }
    case 'refresh': return `refresh ${a.path ?? ''}`
    case 'addTag': return `add tag ${a.tag ?? ''}`
    case 'setGroup': return `group ${[a.provisionGroup, a.updateGroup].filter(Boolean).join(' / ')}`
    case 'download': return `download file #${a.fileId ?? '?'}`
    default: return a.type
  }
}

/** A one-line summary of the conditions: `model = GW-200, tag lab` (or "every device"). */
export function describeConditions(w: RuleConditions | null | undefined): string {
  if (!w) return 'every device'
  const parts: string[] = []
  for (const key of ['oui', 'productClass', 'manufacturer', 'model', 'softwareVersion', 'provisionGroup', 'updateGroup'] as const) {
    if (w[key]) parts.push(`${key} = ${w[key]}`)
  }
  if (w.tag) parts.push(`tag ${w.tag}`)
  for (const p of w.parameters ?? []) parts.push(`${p.path} ${p.op} ${p.value}`)
  return parts.length ? parts.join(', ') : 'every device'
}
