/** Messages between the grid's thumbnail loader (thumb-source.ts) and its worker. */
export type ToThumbWorker =
  | { readonly type: 'load'; readonly id: number; readonly root: string; readonly file: string }
  | { readonly type: 'cancel'; readonly id: number }

/** src: a data: URL of the file, or null: load the file's own URL instead. */
export interface ThumbLoaded {
  readonly type: 'loaded'
  readonly items: readonly { readonly id: number; readonly src: string | null }[]
}
