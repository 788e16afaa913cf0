import type { Migration } from '../store/migrations'

/** Library tables: versions 20–29. */
export const libraryMigrations: Migration[] = []
