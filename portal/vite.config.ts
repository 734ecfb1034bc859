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
    // One chunk for Vue and the router (every page needs them), one per page. ECharts is left to the bundler: it is only
    // ever imported dynamically (src/charts/), so each kind of chart is its own chunk, fetched after the page has shown its
    // figures, and pages without charts never load it.
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return undefined
          if (id.includes('node_modules/')) return 'vendor'
          return undefined
        },
      },
    },
  },
})
