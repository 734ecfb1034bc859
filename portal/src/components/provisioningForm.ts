// The provisioning rule editor's model: plain strings for the inputs, converted to and from the API's rule shape, and
// the API's 400 field names (`actions[1].values.Device.X`, `when.parameters[0].op`) placed at the inputs they name.
import { eventCodes, type Rule, type RuleActionType, type RuleInput, type RuleValue } from '../api/provisioning'

export const conditionFields = [
  { key: 'oui', label: 'OUI', hint: 'e.g. 00D09E' },
  { key: 'productClass', label: 'Product class', hint: 'e.g. SimGW' },
  { key: 'manufacturer', label: 'Manufacturer', hint: '' },
  { key: 'model', label: 'Model', hint: 'e.g. GW-200' },
  { key: 'softwareVersion', label: 'Software version', hint: 'e.g. 3.2.*' },
  { key: 'provisionGroup', label: 'Provision group', hint: '' },
  { key: 'updateGroup', label: 'Update group', hint: '' },
  { key: 'tag', label: 'Has tag', hint: '' },
] as const

export type ConditionKey = (typeof conditionFields)[number]['key']

export interface SetRow {
  path: string
  value: string
  /** '' = the type the device reported. */
  type: string
}

export interface ActionForm {
  type: RuleActionType
  values: SetRow[]
  path: string
  tag: string
  provisionGroup: string
  updateGroup: string
  fileId: string
  fileType: string
}

export interface RuleForm {
  name: string
  description: string
  enabled: boolean
  priority: string
  events: string[]
  /** Other codes, comma separated (`M Reboot`). */
  otherEvents: string
  when: Record<ConditionKey, string>
  parameters: Array<{ path: string; op: string; value: string }>
  actions: ActionForm[]
}

export function blankAction(type: RuleActionType = 'set'): ActionForm {
  return { type, values: type === 'set' ? [{ path: '', value: '', type: '' }] : [], path: '', tag: '', provisionGroup: '', updateGroup: '', fileId: '', fileType: '' }
}

export function blankForm(): RuleForm {
  return {
    name: '', description: '', enabled: true, priority: '100', events: ['0 BOOTSTRAP'], otherEvents: '',
    when: Object.fromEntries(conditionFields.map((f) => [f.key, ''])) as Record<ConditionKey, string>,
    parameters: [], actions: [blankAction()],
  }
}

export function formOf(rule: Rule): RuleForm {
  const known = new Set<string>(eventCodes)
  const when = rule.when ?? {}
  return {
    name: rule.name,
    description: rule.description ?? '',
    enabled: rule.enabled,
    priority: String(rule.priority),
    events: rule.events.filter((e) => known.has(e)),
    otherEvents: rule.events.filter((e) => !known.has(e)).join(', '),
    when: Object.fromEntries(conditionFields.map((f) => [f.key, when[f.key] ?? ''])) as Record<ConditionKey, string>,
    parameters: (when.parameters ?? []).map((p) => ({ ...p })),
    actions: rule.actions.map((a) => ({
      ...blankAction(a.type),
      values: Object.entries(a.values ?? {}).map(([path, v]) => ({ path, value: v.value, type: v.type ?? '' })),
      path: a.path ?? '', tag: a.tag ?? '', provisionGroup: a.provisionGroup ?? '', updateGroup: a.updateGroup ?? '',
      fileId: a.fileId ? String(a.fileId) : '', fileType: a.fileType ?? '',
    })),
  }
}

const text = (s: string) => (s.trim() === '' ? undefined : s.trim())

/** The rule as the API takes it. Empty inputs are left out; numbers the browser cannot read are sent as they are, so the API names them. */
export function inputOf(form: RuleForm): RuleInput {
  const when: Record<string, unknown> = {}
  for (const f of conditionFields) {
    const v = text(form.when[f.key])
    if (v !== undefined) when[f.key] = v
  }
  if (form.parameters.length) when.parameters = form.parameters.map((p) => ({ path: p.path.trim(), op: p.op, value: p.value }))
  const other = form.otherEvents.split(',').map((e) => e.trim()).filter(Boolean)
  return {
    name: form.name.trim(),
    description: text(form.description) ?? null,
    enabled: form.enabled,
    priority: form.priority.trim() === '' ? 100 : Number(form.priority),
    events: [...eventCodes.filter((c) => form.events.includes(c)), ...other],
    when,
    actions: form.actions.map((a) => {
      switch (a.type) {
        case 'set':
          return {
            type: a.type,
            values: Object.fromEntries(a.values.map((r) => [r.path.trim(), r.type ? ({ value: r.value, type: r.type } as RuleValue) : r.value])),
          }
        case 'refresh': return { type: a.type, path: a.path.trim() }
        case 'addTag': return { type: a.type, tag: a.tag.trim() }
        case 'setGroup': return { type: a.type, provisionGroup: text(a.provisionGroup), updateGroup: text(a.updateGroup) }
        case 'download': return { type: a.type, fileId: a.fileId.trim() === '' ? null : Number(a.fileId), fileType: text(a.fileType) }
        default: return { type: a.type }
      }
    }),
  }
}
