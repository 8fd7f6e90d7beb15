import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { RENDERER_CSP } from './src/shared/csp'

export default defineConfig({
  main: {
    // Dependencies (better-sqlite3 above all, a native module) stay external and load from node_modules; exceljs
    // is bundled, so that the import's reading thread loads its reader as one file rather than a hundred.
    plugins: [externalizeDepsPlugin({ exclude: ['exceljs'] })],
    build: {
      rollupOptions: {
        // exceljs whole (the exports) stays external; only the streaming reader is bundled.
        external: ['exceljs'],
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // Started by path on its own thread (import/xlsx-thread.ts), so it is an entry of its own.
          'xlsx-worker': resolve(__dirname, 'src/main/core/import/xlsx-worker.ts'),
          // A large batch of forms is laid out on two threads (exports/dossier-pdf-threads.ts).
          'dossier-pdf-worker': resolve(__dirname, 'src/main/core/exports/dossier-pdf-worker.ts')
        }
      }
    }
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), { name: 'renderer-csp', transformIndexHtml: (html: string) => html.replace('%RENDERER_CSP%', RENDERER_CSP) }],
    build: {
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
