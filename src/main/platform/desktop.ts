/**
 * What the core asks of the desktop it runs on. The Electron shell implements it with real
 * dialogs, taskbar progress and notifications; the headless host with quiet stand-ins.
 */
export interface DesktopBridge {
  /** Hands an https link to the OS browser; false when there is no OS browser to use. */
  openExternal(url: string): Promise<boolean>
  showItemInFolder(path: string): void
  /** Taskbar / dock progress, 0..1; null clears it. */
  setProgress(fraction: number | null): void
  notify(title: string, body: string): void
  /** Native open dialog for files and folders; an empty list when cancelled or unavailable. */
  chooseImportSources(): Promise<string[]>
  /**
   * Moves a file to the OS trash (recycle bin). False when this desktop has no trash to use (the
   * browser version); rejects with the OS's error when the file could not be moved.
   */
  trashItem(path: string): Promise<boolean>
}

export const headlessDesktop: DesktopBridge = {
  openExternal: async () => false,
  showItemInFolder: () => undefined,
  setProgress: () => undefined,
  notify: () => undefined,
  chooseImportSources: async () => [],
  trashItem: async () => false
}
