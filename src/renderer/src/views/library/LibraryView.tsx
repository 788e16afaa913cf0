import { EmptyState } from '../../components/EmptyState'

export function LibraryView() {
  return (
    <EmptyState title="Library">
      <p>Import photos to build your library. Thumbnails are made in the background.</p>
    </EmptyState>
  )
}
