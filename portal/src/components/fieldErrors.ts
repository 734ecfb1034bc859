// The field errors of an API 400 (problem+json `errors`: field name → messages), placed at the inputs they name.

/** The field errors of a 400, and which of them the form shows next to an input. */
export class FieldErrors {
  constructor(readonly all: Record<string, string[]> = {}) {}

  get any(): boolean {
    return Object.keys(this.all).length > 0
  }

  /** Errors of exactly this field. */
  at(...keys: string[]): string[] {
    return keys.flatMap((k) => this.all[k] ?? [])
  }

  /** Errors of this field and of everything inside it (`actions[1]` → `actions[1].type`, `actions[1].fileId`). */
  under(prefix: string, except: (key: string) => boolean = () => false): string[] {
    return Object.entries(this.all)
      .filter(([k]) => (k === prefix || k.startsWith(prefix + '.') || k.startsWith(prefix + '[')) && !except(k))
      .flatMap(([, v]) => v)
  }

  /** Errors of fields the form has no input for (`placed` matches those it has): they go to the form's summary. */
  unplaced(placed: RegExp): string[] {
    return Object.entries(this.all).filter(([k]) => !placed.test(k)).map(([k, v]) => `${k}: ${v.join(' ')}`)
  }
}
