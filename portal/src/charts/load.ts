// One load of the charts chunk (charts/bars.ts) for every chart, started when the main thread is first idle after a page
// with charts is loaded (while it waits for its data), so the chunk is usually there by the time the figures are.
type Bars = typeof import('./bars')

let charts: Promise<Bars> | null = null

/** The charts chunk; a failed load (network) is forgotten, so the next chart tries again. */
export function loadCharts(): Promise<Bars> {
  charts ??= import('./bars').catch((e: unknown) => {
    charts = null
    throw e
  })
  return charts
}

// Only a head start: a chart that mounts loads the chunk itself and handles a failure.
const early = () => void loadCharts().catch(() => undefined)
if ('requestIdleCallback' in window) window.requestIdleCallback(early, { timeout: 500 })
else setTimeout(early, 50)
