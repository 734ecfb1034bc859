import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { session } from './session'
import type { Role } from './api'

/** A page that appears in the main navigation: its label, its place (ascending) and the least role that sees it. */
export interface NavEntry {
  label: string
  order: number
  role?: Role
  /** Other route names that count as this entry (a detail page under its list). */
  also?: string[]
}

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    public?: boolean
    nav?: NavEntry
  }
}

// Pages are loaded on first visit, so the sign-in page does not wait for the charts.
// A route with meta.nav shows in the main navigation (App.vue builds it from here): add a page with one route line.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true, title: 'Sign in' } },
    { path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { title: 'Dashboard', nav: { label: 'Dashboard', order: 10 } } },
    { path: '/devices', name: 'devices', component: () => import('./pages/DevicesPage.vue'), meta: { title: 'Devices', nav: { label: 'Devices', order: 20, also: ['device'] } } },
    {
      path: '/devices/:id(\\d+)',
      name: 'device',
      component: () => import('./pages/DeviceDetailPage.vue'),
      props: (route: RouteLocationNormalized) => ({ id: Number(route.params.id) }),
      meta: { title: 'Device' },
    },
    { path: '/engines', name: 'engines', component: () => import('./pages/EnginesPage.vue'), meta: { title: 'Engines', nav: { label: 'Engines', order: 30 } } },
    { path: '/provisioning', name: 'provisioning', component: () => import('./pages/ProvisioningPage.vue'), meta: { title: 'Provisioning', nav: { label: 'Provisioning', order: 70 } } },
    { path: '/snmp', name: 'snmp', component: () => import('./pages/SnmpProfilesPage.vue'), meta: { title: 'SNMP', nav: { label: 'SNMP', order: 80 } } },
    { path: '/scenarios', name: 'scenarios', component: () => import('./pages/ScenariosPage.vue'), meta: { title: 'Scenarios', nav: { label: 'Scenarios', order: 60, also: ['scenario', 'scenario-run'] } } },
    { path: '/scenarios/:id(\\d+|new)', name: 'scenario', component: () => import('./pages/ScenarioPage.vue'), props: (route: RouteLocationNormalized) => ({ id: route.params.id === 'new' ? null : Number(route.params.id) }), meta: { title: 'Scenario' } },
    { path: '/scenarios/runs/:runId(\\d+)', name: 'scenario-run', component: () => import('./pages/ScenarioRunPage.vue'), props: (route: RouteLocationNormalized) => ({ runId: Number(route.params.runId) }), meta: { title: 'Scenario run' } },
    { path: '/qos', name: 'qos', component: () => import('./pages/QosPage.vue'), meta: { title: 'QoS', nav: { label: 'QoS', order: 50, also: ['qos-device'] } } },
    { path: '/qos/devices/:id(\\d+)', name: 'qos-device', component: () => import('./pages/QosPage.vue'), props: (route: RouteLocationNormalized) => ({ deviceId: Number(route.params.id) }), meta: { title: 'Device QoS' } },
    { path: '/files', name: 'files', component: () => import('./pages/FilesPage.vue'), meta: { title: 'Files', nav: { label: 'Files', order: 40 } } },
    { path: '/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { title: 'Users', nav: { label: 'Users', order: 90, role: 'admin' } } },
    { path: '/tenants', name: 'tenants', component: () => import('./pages/TenantsPage.vue'), meta: { title: 'Tenants', nav: { label: 'Tenants', order: 100, role: 'sysop' } } },
    { path: '/tokens', name: 'tokens', component: () => import('./pages/TokensPage.vue'), meta: { title: 'API tokens', nav: { label: 'API tokens', order: 110 } } },
    { path: '/audit', name: 'audit', component: () => import('./pages/AuditPage.vue'), meta: { title: 'Audit log', nav: { label: 'Audit', order: 120, role: 'admin' } } },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Not found' } },
  ],
})

router.beforeEach((to) => {
  if (!to.meta.public && !session.signedIn.value) {
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  }
  if (to.name === 'sign-in' && session.signedIn.value) return { name: 'dashboard' }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ?? 'QDMS'} · QDMS`
})
