// Image worker entry: filled in by the library issue.
import { connectToParent } from '../process/worker-link'

connectToParent()
