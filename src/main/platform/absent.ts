/** Node's error code, if it has one. */
const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined

/**
 * The result of `work`, or null when it failed only because what it read is not there (or not
 * ours to read), named by `codes`. Any other failure still throws: absence is an answer, a
 * broken disk is not.
 */
export async function unlessAbsent<T>(
  work: Promise<T>,
  codes: readonly string[] = ['ENOENT']
): Promise<T | null> {
  try {
    return await work
  } catch (error) {
    if (codes.includes(codeOf(error) ?? '')) return null
    throw error
  }
}
