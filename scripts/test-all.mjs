// `npm test`: typecheck, lint, unit and e2e tests, then one closing line with the totals.
// Every step runs even when an earlier one fails, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const steps = [
  { name: 'typecheck', cmd: 'npm run typecheck' },
  { name: 'lint', cmd: 'npm run lint' },
  {
    name: 'unit',
    cmd: 'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json',
    report: 'test-results/unit.json',
    count: (r) => ({
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests
    })
  },
  {
    name: 'e2e',
    cmd: 'npm run test:e2e',
    report: 'test-results/e2e.json',
    count: (r) => ({
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected,
      skipped: r.stats.skipped
    })
  }
]

mkdirSync('test-results', { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSteps = []
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd}`)
  if (step.report) rmSync(step.report, { force: true })
  const { status } = spawnSync(step.cmd, { shell: true, stdio: 'inherit' })
  if (status !== 0) failedSteps.push(step.name)
  if (step.count) {
    if (!existsSync(step.report)) {
      console.log(`${step.name}: no report was written`)
      totals.failed += 1
      continue
    }
    const counts = step.count(JSON.parse(readFileSync(step.report, 'utf8')))
    console.log(
      `${step.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`
    )
    for (const key of Object.keys(totals)) totals[key] += counts[key]
  }
}

console.log('')
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedSteps.length ? 1 : 0)
