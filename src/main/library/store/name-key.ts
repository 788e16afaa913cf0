/**
 * A file name as a string whose plain binary order (SQLite's default collation) is the natural,
 * case-insensitive order a person expects, close to `Intl.Collator(undefined, { numeric: true,
 * sensitivity: 'base' })`: "IMG_2" before "img_10", "Été" next to "ete". better-sqlite3 cannot
 * register a collation, so the key is computed here once per photo and stored in an index.
 *
 * - letters: decomposed, accents dropped, lower-cased;
 * - digit runs: leading zeros dropped, then prefixed by their length as three digits, so a
 *   longer number sorts after a shorter one and equal lengths compare digit by digit;
 * - everything else (spaces, punctuation) sorts before digits and letters, as in the collator.
 */
export function nameKey(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  let key = ''
  for (const [, digits, other] of folded.matchAll(/(\d+)|(\D)/gu)) {
    if (digits !== undefined) {
      const value = digits.replace(/^0+(?=\d)/, '')
      key += String(Math.min(value.length, 999)).padStart(3, '0') + value
    } else key += punctuationFirst(other!)
  }
  return key
}

/**
 * ASCII puts some punctuation (: ; < = > ? @ [ \ ] ^ _ ` { | } ~) between or after digits and
 * letters; the collator puts all of it first. Map those to control characters below '0'.
 */
function punctuationFirst(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code >= 0x3a && code <= 0x40) return String.fromCharCode(0x01 + code - 0x3a)
  if (code >= 0x5b && code <= 0x60) return String.fromCharCode(0x08 + code - 0x5b)
  if (code >= 0x7b && code <= 0x7e) return String.fromCharCode(0x0e + code - 0x7b)
  return ch
}
