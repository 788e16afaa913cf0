import { describeMode, detectMode } from './fixtures/runtime'

/** Says which mode the suite runs in, once, at the top of the output. */
export default function globalSetup(): void {
  console.log(`\ne2e mode: ${describeMode(detectMode())}\n`)
}
