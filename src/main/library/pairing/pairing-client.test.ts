import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fingerprint } from '@shared/library/fingerprint'
import { fingerprintToBase64 } from '@shared/library/fingerprint-codec'
import { memoryLogger } from '../../platform/log'
import { openDatabase, type Db } from '../../platform/store/database'
import type { ProcessLauncher, WorkerEvent } from '../../platform/process/launcher'
import { migrations } from '../../core/migrations'
import { useTempDir } from '../../../../test/support/temp-dir'
import { rows } from '../../../../test/support/library-test-kit'
import { sourceLauncher, sourceWorkerEntry } from '../../../../test/support/source-workers'
import { SimilarPairs } from '../store/similar-pairs'
import { backfillSimilar, type Backfill, type PairingOptions } from './pairing-client'

const tempDir = useTempDir()
const open: { db: Db; loops: Backfill[] }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    await Promise.all(o.loops.map((l) => l.stop()))
    o.db.close()
  }
})

const W = 96
const H = 72
/** A made-up scene of coloured waves; `nudge` brightens it (a copy, as an edit would make). */
function scene(n: number, nudge = 0): Uint8Array {
  const out = new Uint8Array(W * H * 3)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < 3; c++) {
        const v =
          120 +
          nudge +
          60 * Math.cos(0.11 * (n + 1) * x + 0.07 * y + c) +
          40 * Math.sin(0.05 * x - 0.13 * (n + 2) * y + n)
        out[(y * W + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v)))
      }
  return out
}

const hashOf = (n: number): string => n.toString(16).padStart(64, '0')
const ORIGINAL = 1
const COPY = 2
const OTHER = 3

/** A library with a scene, its brightened copy and a different scene, all queued for pairing. */
function library(): Db {
  const db = openDatabase(join(tempDir(), 'skyfolio.db'), { migrations })
  const pairs = new SimilarPairs(db)
  const asset = db.prepare(
    `INSERT INTO library_assets (hash, width, height, format, thumbhash, phash, thumb, preview,
     version) VALUES (?, ${W}, ${H}, 'jpeg', '', '0000000000000000', 't.webp', '', 1)`
  )
  for (const [n, pixels] of [
    [ORIGINAL, scene(1)],
    [COPY, scene(1, 8)],
    [OTHER, scene(5)]
  ] as const) {
    asset.run(hashOf(n))
    pairs.record(hashOf(n), undefined, fingerprintToBase64(fingerprint(pixels, W, H, 3)))
  }
  open.push({ db, loops: [] })
  return db
}

const pairRows = (db: Db): { a: string; b: string }[] =>
  rows<{ a: string; b: string }>(db, 'SELECT a, b FROM library_similar')

/** The source launcher, recording what the worker says and how it ends; `tamper` may step in. */
function watched(tamper?: (event: WorkerEvent, kill: () => void) => WorkerEvent | null): {
  launcher: ProcessLauncher
  launches: number
  events: WorkerEvent['type'][]
  replies: string[]
} {
  const inner = sourceLauncher()
  const seen = {
    launches: 0,
    events: [] as WorkerEvent['type'][],
    replies: [] as string[],
    launcher: {
      kind: inner.kind,
      launch: (entry, options, onEvent) => {
        seen.launches++
        const handle = inner.launch(entry, options, (event) => {
          seen.events.push(event.type)
          if (event.type === 'message') seen.replies.push((event.data as { type: string }).type)
          const passed = tamper ? tamper(event, () => handle.kill()) : event
          if (passed) onEvent(passed)
        })
        return handle
      }
    } satisfies ProcessLauncher
  }
  return seen
}

function pairing(db: Db, options: Partial<PairingOptions> & Pick<PairingOptions, 'launcher'>) {
  const loop = backfillSimilar(db, {
    thumbsDir: tempDir(),
    entry: sourceWorkerEntry('pairing-worker'),
    retryMs: 20,
    ...options
  })
  open.find((o) => o.db === db)!.loops.push(loop)
  return loop
}

const original = [hashOf(ORIGINAL), hashOf(COPY)].sort()

/** Worker processes run from source through tsx: slow on a loaded machine, never timed. */
const SLOW = 300_000

describe('near-duplicate pairing in a worker process', () => {
  it(
    'pairs a copy in the worker; main writes what it answers; stop ends the worker cleanly',
    async () => {
      const db = library()
      const seen = watched()
      const loop = pairing(db, { launcher: seen.launcher })
      expect(await loop.done).toBe(1)
      expect(pairRows(db)).toEqual([{ a: original[0], b: original[1] }])
      expect(rows(db, 'SELECT * FROM library_similar_backfill')).toEqual([])
      expect(seen.launches).toBe(1)
      expect(seen.replies).toContain('result')

      await loop.stop()
      expect(seen.events.at(-1)).toBe('exited')
    },
    SLOW
  )

  it(
    'a worker killed mid-pass is logged and replaced, and the pairs still appear',
    async () => {
      const db = library()
      const log = memoryLogger()
      let killed = false
      const seen = watched((event, kill) => {
        // The first pass's answer never arrives: the worker dies while it works.
        if (event.type === 'message' && !killed) {
          if ((event.data as { type: string }).type === 'result') {
            killed = true
            kill()
            return null
          }
        }
        return event
      })
      const loop = pairing(db, { launcher: seen.launcher, log })
      await loop.idle()
      expect(killed).toBe(true)
      expect(seen.launches).toBe(2)
      expect(seen.events).toContain('crashed')
      expect(log.lines.join('\n')).toMatch(/pairing worker stopped; trying again later/)
      expect(pairRows(db)).toEqual([{ a: original[0], b: original[1] }])
    },
    SLOW
  )

  it(
    'an answer that is garbage is logged, the worker replaced, and the pairs still appear',
    async () => {
      const db = library()
      const log = memoryLogger()
      let spoiled = false
      const seen = watched((event) => {
        if (event.type !== 'message' || spoiled) return event
        const data = event.data as { type: string; seq?: number }
        if (data.type !== 'result') return event
        spoiled = true
        return { type: 'message', data: { type: 'result', seq: data.seq, paired: 'everything' } }
      })
      const loop = pairing(db, { launcher: seen.launcher, log })
      await loop.idle()
      expect(spoiled).toBe(true)
      expect(seen.launches).toBe(2)
      expect(log.lines.join('\n')).toMatch(/answered garbage; trying again later/)
      expect(pairRows(db)).toEqual([{ a: original[0], b: original[1] }])
    },
    SLOW
  )

  it(
    'a worker that cannot start is logged, and nothing else stops',
    async () => {
      const db = library()
      const log = memoryLogger()
      const seen = watched()
      const loop = pairing(db, {
        launcher: seen.launcher,
        entry: join(tempDir(), 'no-such-worker.js'),
        log
      })
      await expect.poll(() => seen.launches, { timeout: SLOW }).toBeGreaterThanOrEqual(2)
      expect(log.lines.join('\n')).toMatch(/pairing worker stopped; trying again later/)
      expect(pairRows(db)).toEqual([])
      // The queue is kept for the next try; stopping is still clean.
      expect(rows(db, 'SELECT * FROM library_similar_backfill')).toHaveLength(3)
      await loop.stop()
    },
    SLOW
  )

  it(
    'holds while an import runs: no worker starts until released',
    async () => {
      const db = library()
      const seen = watched()
      const loop = pairing(db, { launcher: seen.launcher })
      loop.setHeld(true)
      // Every tick the loop could have used has passed.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
      expect(seen.launches).toBe(0)
      loop.setHeld(false)
      await loop.idle()
      expect(pairRows(db)).toHaveLength(1)
    },
    SLOW
  )

  it('writes only what still holds when the answer arrives', () => {
    const db = library()
    const pairs = new SimilarPairs(db)
    const key = (n: number): string | null =>
      Buffer.from(
        rows<{ key: Uint8Array }>(
          db,
          'SELECT key FROM library_near_keys WHERE hash = ?',
          hashOf(n)
        )[0]!.key
      ).toString('base64')
    // The copy was stored again after the worker read it: its answer is dropped, it stays queued.
    expect(
      pairs.apply({ read: [], paired: [{ hash: hashOf(COPY), key: 'c3RhbGU=', partners: [] }] })
    ).toBe(0)
    // A partner still queued pairs on its own turn; the original is done.
    expect(
      pairs.apply({
        read: [],
        paired: [
          {
            hash: hashOf(ORIGINAL),
            key: key(ORIGINAL),
            partners: [{ hash: hashOf(COPY), distance: 5 }]
          }
        ]
      })
    ).toBe(0)
    expect(rows(db, 'SELECT hash FROM library_similar_backfill ORDER BY hash')).toEqual([
      { hash: hashOf(COPY) },
      { hash: hashOf(OTHER) }
    ])
    // Its own answer pairs it, with the original no longer queued.
    expect(
      pairs.apply({
        read: [],
        paired: [
          {
            hash: hashOf(COPY),
            key: key(COPY),
            partners: [{ hash: hashOf(ORIGINAL), distance: 5 }]
          }
        ]
      })
    ).toBe(1)
    expect(pairRows(db)).toEqual([{ a: original[0], b: original[1] }])
  })
})
