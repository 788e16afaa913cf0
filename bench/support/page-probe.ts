import type { Page } from 'playwright-core'

/** What bench/support/page-probes.js gathers in the page while `armed`. */
export type Probe = {
  armed: boolean
  long: number[]
  gaps: number[]
  events: number[]
  loop: number[]
  sched: { busy: number; wait: number; ms: number }[]
  detail: unknown[]
}

/** What the page measured since the last call, which starts the next phase afresh. */
export async function takeProbe(page: Page): Promise<Probe> {
  return (await page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe
    const taken = JSON.parse(JSON.stringify(probe))
    for (const key of ['long', 'gaps', 'events', 'loop', 'sched', 'detail'] as const)
      probe[key].length = 0
    return taken
  })) as Probe
}

/** Starts or stops the page's counting (frames, long tasks, events). */
export const armProbe = (page: Page, armed: boolean): Promise<void> =>
  page.evaluate((on) => {
    ;(window as unknown as { __probe: Probe }).__probe.armed = on
  }, armed)

/** The page probe's script, to install with `page.addInitScript({ path })`. */
export const pageProbesScript = `${__dirname}/page-probes.js`
