/** Taskbar / dock progress: Electron takes 0..1, and -1 to remove the bar. */
export function progressBarValue(fraction: number | null): number {
  if (fraction === null || !Number.isFinite(fraction)) return -1
  return Math.min(Math.max(fraction, 0), 1)
}

/** Image types the import dialog offers (anything can still be picked through "All files"). */
export const IMAGE_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'avif',
  'gif',
  'tif',
  'tiff',
  'heic',
  'heif'
] as const

/**
 * The import dialog: files and folders, several at once. Windows and Linux cannot show one
 * dialog for both; there Electron shows a folder picker (folders are imported recursively).
 */
export const importDialogOptions = {
  title: 'Import photos',
  buttonLabel: 'Import',
  properties: ['openFile', 'openDirectory', 'multiSelections'],
  filters: [
    { name: 'Images', extensions: [...IMAGE_EXTENSIONS] },
    { name: 'All files', extensions: ['*'] }
  ]
} satisfies {
  title: string
  buttonLabel: string
  properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>
  filters: Array<{ name: string; extensions: string[] }>
}

/** Paths chosen in the dialog, or none when it was cancelled. */
export const chosenPaths = (result: { canceled: boolean; filePaths: string[] }): string[] =>
  result.canceled ? [] : [...new Set(result.filePaths)]
