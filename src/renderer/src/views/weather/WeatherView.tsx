import { EmptyState } from '../../components/EmptyState'

export function WeatherView() {
  return (
    <EmptyState title="Weather">
      <p>Add a place to see its current conditions and forecast.</p>
    </EmptyState>
  )
}
