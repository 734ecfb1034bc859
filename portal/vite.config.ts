import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` serves the portal with hot reload and forwards the API to a running QDMS server
// (QDMS_API, default http://127.0.0.1:5000: start one with `./qdms serve --urls http://127.0.0.1:5000`).
const api = process.env.QDMS_API ?? 'http://127.0.0.1:5000'

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // One chunk for ECharts (large, changes rarely), one for Vue and the router, one per page.
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts'
          if (id.includes('node_modules/')) return 'vendor'
          return undefined
        },
      },
    },
  },
})
