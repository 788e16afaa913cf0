import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const resolve = { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } }

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        // Main-process code: native modules (better-sqlite3, sharp) and child processes, so forks.
        test: {
          name: 'main',
          environment: 'node',
          pool: 'forks',
          include: [
            'src/main/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'test/**/*.test.ts',
            'bench/**/*.test.ts',
            'fixtures/**/*.test.ts'
          ],
          testTimeout: 20_000,
          hookTimeout: 20_000
        }
      },
      {
        resolve,
        test: {
          name: 'web',
          environment: 'node',
          include: ['src/renderer/**/*.test.{ts,tsx}', 'src/preload/**/*.test.ts']
        }
      }
    ]
  }
})
