/**
 * Which photos count as duplicates, as SQL over live photos (trashed ones leave every group).
 * Kept apart so the rule can change without touching the queries that use it.
 */

/**
 * Contents two or more live photos share (exact duplicates, from the tallies), and contents with
 * a near-duplicate (library_similar: dHashes within a few bits) that a live photo still shows.
 * Flat images never get pairs. One list, so a query probes the hash index once per content.
 */
const DUPLICATED = `(SELECT key FROM library_tallies WHERE kind = 'hash' AND count > 1
  UNION SELECT s.a FROM library_similar s
    WHERE EXISTS (SELECT 1 FROM library_photos o WHERE o.hash = s.b AND o.trashed_at IS NULL)
  UNION SELECT s.b FROM library_similar s
    WHERE EXISTS (SELECT 1 FROM library_photos o WHERE o.hash = s.a AND o.trashed_at IS NULL))`

/** Condition on photo alias `p`: it has an exact or a near duplicate in the library. */
export const HAS_DUPLICATE = `p.hash IN ${DUPLICATED}`

/** Other live photos with the same content as hash ?1, photo ?2 left out. */
export const COPIES_OF =
  'SELECT count(*) AS n FROM library_photos WHERE hash = ? AND id != ? AND trashed_at IS NULL'

/** Live photos whose content is a near-duplicate of hash ?1 (also passed as ?2). */
export const SIMILAR_TO = `SELECT count(*) AS n FROM library_photos
  WHERE trashed_at IS NULL AND hash IN
    (SELECT b FROM library_similar WHERE a = ? UNION SELECT a FROM library_similar WHERE b = ?)`
