const one = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })
const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']

/** A size for people: "512 bytes", "3.4 MiB"; "—" for an unknown size. */
export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  let value = n
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : one.format(value)} ${units[unit]}`
}
