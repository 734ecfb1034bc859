import type { Problem } from './types'

/** A failed API call: the HTTP status and the server's problem+json (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(ApiError.describe(problem, fallback))
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  private static describe(problem: Problem | null, fallback: string): string {
    if (!problem) return fallback
    const fields = problem.errors
      ? Object.entries(problem.errors).map(([name, messages]) => `${name}: ${messages.join(' ')}`).join('; ')
      : ''
    return [problem.detail ?? problem.title, fields].filter(Boolean).join(' — ')
  }
}

let token: string | null = null
let unauthorized: () => void = () => {}

/** The bearer token sent with every call (null: none). */
export function setToken(value: string | null): void {
  token = value
}

/** Called once when the server refuses the token (expired, revoked): the app returns to sign-in. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler
}

/** Query parameters; undefined and null are left out, "" is sent (model= matches devices without a model). */
export type Query = Record<string, string | number | boolean | null | undefined>

function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /** Sign-in itself: a 401 is a wrong password, not an expired session. */
  anonymous?: boolean
}

/** One call to /api/v1: JSON in, JSON out, problem+json turned into an ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`
  let response: Response
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, null, 'The server cannot be reached. Check the connection and try again.')
  }

  if (response.status === 401 && !options.anonymous) {
    unauthorized()
  }
  if (!response.ok) throw await failure(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/** The ApiError for a refused response: its problem+json body when it has one (for calls made outside `request()`). */
export async function failure(response: Response): Promise<ApiError> {
  let problem: Problem | null = null
  try {
    problem = (await response.json()) as Problem
  } catch {
    problem = null
  }
  return new ApiError(response.status, problem, `${response.status} ${response.statusText}`)
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal })
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body })
export const del = (path: string) => request<void>('DELETE', path)

/** The bearer token now in use, for calls `request()` cannot make (a stream read as it comes; an XMLHttpRequest upload with progress). */
export const bearerToken = (): string | null => token

/** Reports a 401 from such a call, so it ends the session like any other refused call. */
export const reportUnauthorized = (): void => unauthorized()
