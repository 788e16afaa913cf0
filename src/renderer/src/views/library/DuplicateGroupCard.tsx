import { memo, useState } from 'react'
import type { DuplicateGroup, DuplicateMember } from '@shared/contract/library-duplicates'
import { formatBytes, formatDate, plural, shortFolder } from './format'
import { usePlaceholder } from './placeholder'
import badges from '../../components/badges.module.css'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'
import styles from './DuplicateGroupCard.module.css'

interface CardProps {
  group: DuplicateGroup
  /** Where the group is in the whole review (1-based), and how many groups there are. */
  position: number
  count: number
  /** The index on the page, as in the tiles' `data-tile` ("group:member"). */
  index: number
  /** The focused photo when the cursor is in this group, else null. */
  cursor: number | null
  busy: boolean
  onCursor(member: number): void
  onKeep(member: DuplicateMember): void
  onNotDuplicates(): void
}

/** Members' facts that stand out: the most pixels and the biggest file, where they differ. */
function leaders(members: readonly DuplicateMember[]) {
  const pixels = members.map((m) => m.width * m.height)
  const sizes = members.map((m) => m.size)
  const top = (values: number[]): number | null =>
    Math.min(...values) === Math.max(...values) ? null : Math.max(...values)
  const sharp = members.map((m) => m.sharpness ?? 0)
  return {
    pixels: top(pixels),
    size: top(sizes),
    sharpest: Math.max(...sharp),
    sharpnessVaries: top(sharp) !== null
  }
}

/**
 * One duplicate group side by side: each photo with what tells the copies apart (size,
 * dimensions, date, format, folder), the suggested copy first and marked. "Keep this one"
 * moves the others to the Trash; "Not duplicates" says they are different pictures.
 */
export const DuplicateGroupCard = memo(function DuplicateGroupCard({
  group,
  position,
  count,
  index,
  cursor,
  busy,
  onCursor,
  onKeep,
  onNotDuplicates
}: CardProps) {
  const { members } = group
  const contents = new Set(members.map((m) => m.content)).size
  const copies = members.length - contents
  const top = leaders(members)
  const titleId = `duplicate-group-${group.key}`
  const summary =
    contents === 1
      ? `${plural(members.length, 'copy', 'copies')} of one file`
      : copies > 0
        ? `${plural(members.length, 'photo')}, ${plural(copies, 'exact copy', 'exact copies')}`
        : plural(members.length, 'photo')
  return (
    <section
      role="listitem"
      className={styles.card}
      aria-labelledby={titleId}
      data-current={cursor !== null}
    >
      <header className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          Group {position.toLocaleString()} of {count.toLocaleString()}
          <span className={`${text.muted} ${styles.summary}`}> · {summary}</span>
        </h2>
        <button
          type="button"
          className={styles.notDuplicates}
          tabIndex={cursor !== null ? 0 : -1}
          disabled={busy || contents === 1}
          title={
            contents === 1
              ? 'These are copies of one file: keep one and remove the others.'
              : 'These are different pictures: never show them as duplicates again (N).'
          }
          onClick={onNotDuplicates}
        >
          Not duplicates
        </button>
      </header>
      <ul className={styles.members}>
        {members.map((m, i) => (
          <MemberTile
            key={m.id}
            member={m}
            tile={`${index}:${i}`}
            best={m.id === group.best}
            exact={members.some((o) => o !== m && o.content === m.content)}
            mostPixels={top.pixels === m.width * m.height}
            biggest={top.size === m.size}
            sharpness={m.sharpness !== null && top.sharpest > 0 ? m.sharpness / top.sharpest : null}
            sharpnessVaries={top.sharpnessVaries}
            others={members.length - 1}
            focused={cursor === i}
            busy={busy}
            onFocus={() => onCursor(i)}
            onKeep={() => onKeep(m)}
          />
        ))}
      </ul>
    </section>
  )
})

function MemberTile({
  member: m,
  tile,
  best,
  exact,
  mostPixels,
  biggest,
  sharpness,
  sharpnessVaries,
  others,
  focused,
  busy,
  onFocus,
  onKeep
}: {
  member: DuplicateMember
  tile: string
  best: boolean
  exact: boolean
  mostPixels: boolean
  biggest: boolean
  /** Sharpness as a share of the group's sharpest, when known. */
  sharpness: number | null
  sharpnessVaries: boolean
  others: number
  focused: boolean
  busy: boolean
  onFocus(): void
  onKeep(): void
}) {
  const placeholder = usePlaceholder(m.placeholder)
  const [loaded, setLoaded] = useState(false)
  const marks = [best && 'suggested copy to keep', exact && 'exact copy'].filter(Boolean)
  return (
    <li className={styles.member}>
      <div
        role="group"
        className={styles.tile}
        data-tile={tile}
        data-best={best}
        tabIndex={focused ? 0 : -1}
        aria-label={`${m.name}${marks.length ? `, ${marks.join(', ')}` : ''}`}
        onFocus={onFocus}
      >
        <div
          className={styles.thumb}
          style={{
            backgroundColor: placeholder.color,
            backgroundImage: placeholder.url ? `url("${placeholder.url}")` : undefined
          }}
        >
          <img
            src={m.thumb}
            alt=""
            decoding="async"
            draggable={false}
            data-loaded={loaded}
            onLoad={() => setLoaded(true)}
          />
        </div>
        <div className={styles.marks}>
          {best && <span className={styles.suggested}>Suggested</span>}
          {exact && <span className={badges.busy}>Exact copy</span>}
        </div>
        <p className={styles.name} title={m.name}>
          {m.name}
        </p>
        <dl className={styles.facts}>
          <dt>Size</dt>
          <dd data-top={biggest}>{formatBytes(m.size)}</dd>
          <dt>Dimensions</dt>
          <dd data-top={mostPixels}>
            {m.width.toLocaleString()} × {m.height.toLocaleString()}
          </dd>
          <dt>Date</dt>
          <dd>{formatDate(m.date)}</dd>
          <dt>Format</dt>
          <dd>{m.format.toUpperCase()}</dd>
          {sharpness !== null && (
            <>
              <dt>Sharpness</dt>
              <dd data-top={sharpnessVaries && sharpness === 1}>{Math.round(sharpness * 100)} %</dd>
            </>
          )}
          <dt className={styles.folderTerm}>Folder</dt>
          <dd className={styles.folder} title={m.folder}>
            {shortFolder(m.folder)}
          </dd>
        </dl>
        <button
          type="button"
          className={best ? buttons.primary : undefined}
          tabIndex={focused ? 0 : -1}
          disabled={busy}
          aria-label={`Keep this one, ${m.name}: move the other ${others === 1 ? 'photo' : plural(others, 'photo')} to the Trash`}
          onClick={onKeep}
        >
          Keep this one
        </button>
      </div>
    </li>
  )
}
