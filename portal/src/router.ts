import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { session } from './session'

// Pages are loaded on first visit, so the sign-in page does not wait for the charts.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true, title: 'Sign in' } },
    { path: '/', name: 'dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { title: 'Dashboard' } },
    { path: '/devices', name: 'devices', component: () => import('./pages/DevicesPage.vue'), meta: { title: 'Devices' } },
    {
      path: '/devices/:id(\\d+)',
      name: 'device',
      component: () => import('./pages/DeviceDetailPage.vue'),
      props: (route: RouteLocationNormalized) => ({ id: Number(route.params.id) }),
      meta: { title: 'Device' },
    },
    { path: '/engines', name: 'engines', component: () => import('./pages/EnginesPage.vue'), meta: { title: 'Engines' } },
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
  document.title = `${(to.meta.title as string | undefined) ?? 'QDMS'} · QDMS`
})
