import { join } from 'node:path'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'

// The rules `npm run lint` enforces, run on a fixture tree that breaks each one exactly where
// its file says, and on the real src/ (no violation).
const root = join(__dirname, '../..')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(root, '.dependency-cruiser.cjs'))

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], {
    ...config.options,
    ruleSet: config,
    validate: true,
    baseDir
  })
  const output = result.output as ICruiseResult
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()
}

describe('architecture rules', () => {
  it('each rule fires on the fixture tree that breaks it', async () => {
    const found = await violations(join(__dirname, 'fixture'))
    const expected = [
      'bench-uses-library-pool-and-worker-only: src/main/bench/bench-service.ts → src/main/library/store/photo-repository.ts',
      'core-not-shell-or-host: src/main/platform/tasks.ts → src/main/shell/electron-app.ts',
      'domain-imports-no-other-domain: src/main/weather/weather-service.ts → src/main/library/store/photo-repository.ts',
      'domain-sees-core-contracts-only: src/main/library/library-service.ts → src/main/core/core.ts',
      'library-worker-not-bench: src/main/library/worker/image-worker.ts → src/main/bench/worker/bench-task.ts',
      'no-test-support-in-src: src/main/weather/weather-service.ts → test/support/kit.ts',
      'pairing-worker-reads-only: src/main/library/pairing/pairing-worker.ts → src/main/library/store/photo-repository.ts',
      'platform-imports-no-domain: src/main/platform/store/database.ts → src/main/weather/weather-service.ts',
      'renderer-talks-to-shared-only: src/renderer/app.ts → src/main/core/core.ts',
      'security-is-pure: src/main/security/origin.ts → src/main/platform/store/database.ts',
      'shared-is-runtime-neutral: src/shared/contract.ts → src/main/weather/weather-service.ts',
      'worker-imports-shared-and-link-only: src/main/library/worker/image-worker.ts → src/main/library/store/photo-repository.ts'
    ]
    for (const line of expected) expect(found).toContain(line)
    expect(found.some((v) => v.startsWith('no-cycles: src/main/weather/cycle-'))).toBe(true)
    expect(found).toContainEqual(
      expect.stringMatching(
        /^electron-only-in-shell: src\/main\/core\/core\.ts → .*node_modules\/electron\//
      )
    )
    expect(found.some((v) => v.startsWith('no-test-support-in-src:') && v.includes('vitest'))).toBe(
      true
    )
    // No rule in the config goes untested.
    for (const rule of config.forbidden as Array<{ name: string }>)
      expect(found.some((v) => v.startsWith(`${rule.name}:`))).toBe(true)
    // The allowed exceptions stay allowed.
    expect(found.join('\n')).not.toContain('bench-service.ts → src/main/library/pool/')
    expect(found.join('\n')).not.toMatch(/worker-imports-shared-and-link-only: [^\n]*worker-link/)
    expect(found.join('\n')).not.toMatch(/pairing-worker-reads-only: [^\n]*worker-link/)
  })

  it('the real src/ breaks none of them', async () => {
    expect(await violations(root)).toEqual([])
  })
})
