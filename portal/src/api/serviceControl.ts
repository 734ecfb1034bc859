// IF-01-01/02: start and stop the whole QDMS service (every engine and background job; the API stays up). Sysop only.
// The report (GET /service/report) is `service.report` in index.ts.
import { post } from './http'
import type { ServiceReport } from './types'

/** StartQdmsService: starts the engines that should run and the jobs; answers the new report. */
export const start = () => post<ServiceReport>('/service/start')

/** StopQdmsService: stops the jobs, then every engine (their wanted states are kept); answers the new report. */
export const stop = () => post<ServiceReport>('/service/stop')
