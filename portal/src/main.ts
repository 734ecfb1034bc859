import { createApp } from 'vue'
import App from './App.vue'
import { onUnauthorized } from './api'
import { router } from './router'
import { session } from './session'
import './styles/base.css'

// A refused token (expired, revoked, server restarted with a new database) ends the session: back to sign-in, then
// back to where the user was.
onUnauthorized(() => {
  if (!session.signedIn.value) return
  session.forget('Your session expired. Sign in again.')
  const here = router.currentRoute.value
  void router.replace({ name: 'sign-in', query: here.name === 'sign-in' ? {} : { next: here.fullPath } })
})

if (session.signedIn.value) void session.loadTenants()
createApp(App).use(router).mount('#app')
