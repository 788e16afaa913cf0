import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const r = (p: string): string => resolve(__dirname, p)
// One alias for the runtime-neutral contract, the same in every tsconfig and in Vitest.
const resolveShared = { alias: { '@shared': r('src/shared') } }

// One build for every runtime: the Electron main process, the headless host, the worker
// entries (run under utilityProcess or child_process.fork), the preload and the renderer.
export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      rollupOptions: {
        input: {
          index: r('src/main/index.ts'),
          host: r('src/main/host/host-main.ts'),
          'image-worker': r('src/main/library/worker/image-worker.ts'),
          'pairing-worker': r('src/main/library/pairing/pairing-worker.ts'),
          'bench-thread': r('src/main/bench/worker/bench-thread.ts')
        }
      }
    }
  },
  preload: {
    resolve: resolveShared,
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod).
      externalizeDeps: false,
      rollupOptions: { input: { index: r('src/preload/index.ts') } }
    }
  },
  renderer: {
    root: r('src/renderer'),
    resolve: resolveShared,
    plugins: [react()],
    build: {
      rollupOptions: {
        input: {
          index: r('src/renderer/index.html'),
          // The headless host's stand-in for the preload: builds the same window.api over a WebSocket.
          'host-bridge': r('src/preload/ws-bridge.ts')
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'host-bridge' ? 'host-bridge.js' : 'assets/[name]-[hash].js'
        }
      }
    }
  }
})
