import { parseUrlList } from '@shared/library/sources'

export interface Sources {
  paths: string[]
  urls: string[]
  /** Text that is neither a URL nor an absolute path. */
  rejected: string[]
}

const absolutePath = /^(\/|[a-zA-Z]:[\\/]|\\\\)/

/** Splits pasted or typed text into image URLs and local paths (one per line). */
export function parseSources(text: string): Sources {
  const paths: string[] = []
  const other: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^"(.*)"$/, '$1')
    if (!line || line.startsWith('#')) continue
    if (line.startsWith('file://')) {
      try {
        paths.push(decodeURIComponent(new URL(line).pathname))
      } catch {
        // Not a path after all: it goes with the other lines and, refused there, is counted
        // among the lines the user is told were ignored.
        other.push(line)
      }
    } else if (absolutePath.test(line)) paths.push(line)
    else other.push(line)
  }
  const { urls, rejected } = parseUrlList(other.join('\n'))
  return { paths, urls, rejected }
}

/** The file-system path of a dropped or pasted file, when the window can know it (Electron). */
export function pathOfFile(file: File): string | null {
  try {
    return window.api.pathForFile?.(file) || null
  } catch {
    // No path: the caller counts the file as unreadable and tells the user what to do instead.
    return null
  }
}

/**
 * What a drop or paste carries: files with paths, URL lists in .txt files, and dragged
 * links or text. Files whose location the window cannot see are counted, not guessed.
 */
export async function sourcesFromTransfer(
  data: DataTransfer
): Promise<Sources & { unreadable: number }> {
  const result: Sources & { unreadable: number } = {
    paths: [],
    urls: [],
    rejected: [],
    unreadable: 0
  }
  for (const file of Array.from(data.files)) {
    const path = pathOfFile(file)
    if (path) result.paths.push(path)
    else if (file.type === 'text/plain' || file.name.toLowerCase().endsWith('.txt')) {
      const parsed = parseSources(await file.text())
      result.urls.push(...parsed.urls)
      result.paths.push(...parsed.paths)
    } else result.unreadable++
  }
  if (result.paths.length === 0 && result.urls.length === 0) {
    const text = data.getData('text/uri-list') || data.getData('text/plain')
    if (text) {
      const parsed = parseSources(text)
      result.paths.push(...parsed.paths)
      result.urls.push(...parsed.urls)
      result.rejected.push(...parsed.rejected)
    }
  }
  return result
}
