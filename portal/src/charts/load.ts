// One load of the charts chunk (charts/bars.ts) for every chart, started when the main thread is first idle after a page
// with charts is loaded (while it waits for its data), so the chunk is usually there by the time the figures are.
type Bars = typeof import('./bars')

let charts: Promise<Bars> | null = null

export function loadCharts(): Promise<Bars> {
  charts ??= import('./bars')
  return charts
}

if ('requestIdleCallback' in window) window.requestIdleCallback(() => void loadCharts(), { timeout: 500 })
else setTimeout(() => void loadCharts(), 50)
