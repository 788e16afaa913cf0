import { failure, type Failure } from '@shared/library/reasons'
import type { Task } from './pool-workers'

const MAX_ATTEMPTS = 2

/**
 * A task whose worker crashed or hung on it gets a strike: the first time it is marked to run
 * again alone (true: requeue it), the second time it is out of attempts (false: fail it).
 */
export function retryAlone(task: Task): boolean {
  task.attempts++
  if (task.attempts >= MAX_ATTEMPTS) return false
  task.solo = true
  return true
}

export function crashedTwice(): Failure {
  return failure(
    'crashed',
    'The image worker stopped twice while reading this file; it was skipped.'
  )
}

export function timedOutTwice(taskTimeoutMs: number): Failure {
  return failure(
    'timeout',
    `Reading this file took longer than ${Math.round(taskTimeoutMs / 1000)} s twice; it was skipped.`
  )
}
