// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noElectron = {
  name: 'electron',
  message:
    'Only the Electron shell (src/main/shell) may import electron; this code must also run under plain Node.'
}
const nodeBuiltins = {
  group: ['node:*'],
  message: 'Runtime-neutral and web code must not import Node built-ins.'
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off'
    }
  },
  // Main-process code: a promise nobody awaits or catches is an uncaught exception waiting to
  // happen (Electron's main process, the host). Typed lint, so only for these files.
  {
    files: ['src/main/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' }
  },
  // Services, workers, the host and everything else in main: no electron.
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] }
  },
  // Configuration is read once (src/main/core/config.ts) and handed to services as values.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/core/config.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings from AppConfig (src/main/core/config.ts), not process.env.'
        }
      ]
    }
  },
  // Injected into a benchmark's page as is.
  { files: ['bench/support/page-probes.js'], languageOptions: { globals: { ...globals.browser } } },
  // Runtime-neutral contract and the renderer: neither electron nor node:*.
  {
    files: [
      'src/shared/**/*.ts',
      'src/renderer/**/*.{ts,tsx}',
      'src/preload/create-api.ts',
      'src/preload/ws-bridge.ts'
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [nodeBuiltins] }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  }
)
