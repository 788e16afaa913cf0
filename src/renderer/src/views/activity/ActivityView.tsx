import { EmptyState } from '../../components/EmptyState'

export function ActivityView() {
  return (
    <EmptyState title="Activity">
      <p>Live frame times, event-loop delay and per-process CPU will show here.</p>
    </EmptyState>
  )
}
