import { JS_STAGE_FLAG } from '@shared/worker/image-protocol'
import { connectToParent } from '../../platform/process/worker-link'
import { serveImageRequests } from './image-requests'

// The image worker process entry (utilityProcess in the app, child_process.fork under Node).
serveImageRequests(connectToParent(), { jsStage: process.argv.includes(JS_STAGE_FLAG) })
