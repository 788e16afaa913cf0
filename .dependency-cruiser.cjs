// Architecture rules for src/: which folder may import what. `npm run lint` runs them;
// test/architecture/architecture.test.ts shows each rule firing on a small fixture tree.
// Paths are matched from the cruise's base folder, so the fixture tree uses the same layout.
const domains = ['weather', 'library', 'bench', 'activity']
const main = 'src/main/'
const notTest = '\\.test\\.tsx?$'

/** @type {import('dependency-cruiser').IConfiguration['forbidden']} */
const forbidden = [
  {
    name: 'no-cycles',
    comment: 'Import cycles make load order matter and hide which module owns what.',
    severity: 'error',
    from: { path: '^src/' },
    to: { circular: true }
  },
  {
    name: 'worker-imports-shared-and-link-only',
    comment:
      'Worker code (…/worker/) runs in its own process: it may import src/shared, the worker ' +
      'link and its own folder, never the store, a service or the platform beyond the link. ' +
      "The benchmark's worker may import the library's worker (the one allowed exception).",
    severity: 'error',
    from: { path: `^${main}([^/]+)/worker/` },
    to: {
      path: '^src/',
      pathNot: [
        '^src/shared/',
        `^${main}platform/process/worker-link\\.ts$`,
        `^${main}$1/worker/`,
        `^${main}library/worker/`
      ]
    }
  },
  {
    name: 'pairing-worker-reads-only',
    comment:
      'The near-duplicate pairing worker (library/pairing/pairing-worker and -pass) runs in its ' +
      'own process on a read-only connection: beside src/shared and the worker link it may use ' +
      "only the store's in-memory index and thumbnail reader, never a repository or a service.",
    severity: 'error',
    from: { path: `^${main}library/pairing/pairing-(worker|pass)\\.ts$` },
    to: {
      path: '^src/',
      pathNot: [
        '^src/shared/',
        `^${main}platform/process/worker-link\\.ts$`,
        `^${main}library/pairing/pairing-pass\\.ts$`,
        `^${main}library/store/(near-index|thumbnail-pixels)\\.ts$`
      ]
    }
  },
  {
    name: 'library-worker-not-bench',
    comment: "The library's worker ships in the app and must not depend on the benchmark.",
    severity: 'error',
    from: { path: `^${main}library/` },
    to: { path: `^${main}bench/` }
  },
  {
    name: 'platform-imports-no-domain',
    comment: 'platform/ is infrastructure (store, ipc, process, tasks, log, paths, metrics).',
    severity: 'error',
    from: { path: `^${main}platform/` },
    to: { path: `^${main}(?!platform/)` }
  },
  {
    name: 'domain-imports-no-other-domain',
    comment:
      'A domain talks to another only through the composition root (core/). The benchmark ' +
      "may use the library's pool and worker: it measures exactly them.",
    severity: 'error',
    from: { path: `^${main}(${domains.join('|')})/` },
    to: {
      path: `^${main}(${domains.join('|')})/`,
      pathNot: [`^${main}$1/`, `^${main}library/(pool|worker)/`]
    }
  },
  {
    name: 'bench-uses-library-pool-and-worker-only',
    severity: 'error',
    from: { path: `^${main}bench/` },
    to: { path: `^${main}library/(?!pool/|worker/)` }
  },
  {
    name: 'domain-sees-core-contracts-only',
    comment:
      'A domain is handed its context: from core/ it may import the service and config types, ' +
      'never the composition root that wires it (tests aside).',
    severity: 'error',
    from: { path: `^${main}(${domains.join('|')})/`, pathNot: notTest },
    to: { path: `^${main}core/`, pathNot: `^${main}core/(service|config)\\.ts$` }
  },
  {
    name: 'core-not-shell-or-host',
    comment: 'The core runs under Electron and the headless host alike: it imports neither.',
    severity: 'error',
    from: { path: `^${main}(core|platform|${domains.join('|')})/` },
    to: { path: `^${main}(shell|host)/` }
  },
  {
    name: 'security-is-pure',
    comment:
      'Security decisions are pure functions of their inputs, unit-tested apart from Electron.',
    severity: 'error',
    from: { path: `^${main}security/` },
    to: { path: '^src/', pathNot: [`^${main}security/`, '^src/shared/'] }
  },
  {
    name: 'no-test-support-in-src',
    comment: 'Test support and vitest never ship: src/ (tests aside) imports neither.',
    severity: 'error',
    from: { path: '^src/', pathNot: notTest },
    to: { path: ['^test/', '(^|/)node_modules/vitest/', '^vitest$'] }
  },
  {
    name: 'electron-only-in-shell',
    comment: 'Only the Electron shell (and the entry and preload) may import electron.',
    severity: 'error',
    from: { path: '^src/', pathNot: [`^${main}shell/`, `^${main}index\\.ts$`, '^src/preload/'] },
    to: { path: ['^electron$', '(^|/)node_modules/electron/'] }
  },
  {
    name: 'shared-is-runtime-neutral',
    severity: 'error',
    from: { path: '^src/shared/' },
    to: { path: ['^src/(main|renderer|preload)/'] }
  },
  {
    name: 'renderer-talks-to-shared-only',
    severity: 'error',
    from: { path: '^src/renderer/' },
    to: { path: ['^src/(main|preload)/'], pathNot: '^src/preload/api-global\\.d\\.ts$' }
  }
]

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json']
    },
    exclude: { path: '(^|/)out/' }
  }
}
