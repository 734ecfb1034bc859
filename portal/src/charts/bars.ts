// ECharts with only what a bar chart needs (no tooltip: each bar is labelled with its figure, and the figures are listed). Imported dynamically (BarChart.vue), so a page shows its figures before this
// chunk (the largest of the portal) has arrived, and pages without charts never load it.
import { use, init } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, CanvasRenderer])

export { init }
export type { EChartsType } from 'echarts/core'
