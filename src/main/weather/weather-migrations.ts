import type { Migration } from '../store/migrations'

/** Weather tables: versions 10–19. */
export const weatherMigrations: Migration[] = []
