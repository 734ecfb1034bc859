import { computed, reactive } from 'vue'
import { auth, setToken, tenants, type Role, type Tenant, type User } from './api'

const storageKey = 'qdms.session'
const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2, sysop: 3 }

interface Stored {
  token: string
  expiresAt: string | null
  user: User
}

const state = reactive({
  user: null as User | null,
  expiresAt: null as string | null,
  tenants: [] as Tenant[],
  /** Why the last session ended, shown on the sign-in page. */
  notice: '' as string,
})

function load(): void {
  const raw = localStorage.getItem(storageKey)
  if (!raw) return
  try {
    const stored = JSON.parse(raw) as Stored
    if (stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) {
      localStorage.removeItem(storageKey)
      state.notice = 'Your session expired. Sign in again.'
      return
    }
    setToken(stored.token)
    state.user = stored.user
    state.expiresAt = stored.expiresAt
  } catch {
    localStorage.removeItem(storageKey)
  }
}

/** The signed-in user and what the portal may show them. */
export const session = {
  state,
  signedIn: computed(() => state.user !== null),
  /** A sysop has no tenant and sees every tenant's devices. */
  systemWide: computed(() => state.user !== null && state.user.tenantId === null),
  can: (role: Role) => state.user !== null && rank[state.user.role] >= rank[role],
  tenantName(id: number | null | undefined): string {
    if (id === null || id === undefined) return ''
    const t = state.tenants.find((x) => x.id === id)
    return t ? t.displayName || t.name : `#${id}`
  },

  async signIn(username: string, password: string): Promise<void> {
    const answer = await auth.login(username, password)
    setToken(answer.token)
    state.user = answer.user
    state.expiresAt = answer.expiresAt
    state.notice = ''
    localStorage.setItem(storageKey, JSON.stringify({ token: answer.token, expiresAt: answer.expiresAt, user: answer.user }))
    await session.loadTenants()
  },

  async loadTenants(): Promise<void> {
    try {
      state.tenants = await tenants.list()
    } catch {
      state.tenants = []
    }
  },

  async signOut(): Promise<void> {
    try {
      await auth.logout()
    } finally {
      session.forget('')
    }
  },

  /** Drops the session locally (the server refused the token, or the user signed out). */
  forget(notice: string): void {
    setToken(null)
    state.user = null
    state.expiresAt = null
    state.tenants = []
    state.notice = notice
    localStorage.removeItem(storageKey)
  },
}

load()
