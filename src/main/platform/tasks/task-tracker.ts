import type { BackgroundTask, Status } from '@shared/contract'

/**
 * The background work shown in the status bar. Services report their tasks here;
 * changes are coalesced so a busy import does not flood the renderer.
 */
export class TaskTracker {
  private readonly tasks = new Map<string, BackgroundTask>()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly publish: (status: Status) => void,
    private readonly coalesceMs = 100
  ) {}

  snapshot(): Status {
    return { tasks: [...this.tasks.values()] }
  }

  set(task: BackgroundTask): void {
    this.tasks.set(task.id, task)
    this.schedule()
  }

  end(id: string): void {
    if (this.tasks.delete(id)) this.schedule()
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.publish(this.snapshot())
    }, this.coalesceMs)
  }
}
