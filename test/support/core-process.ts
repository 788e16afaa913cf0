import { testCore } from './test-core-app'

// A whole app core in a process of its own, importing the folder named on the command line,
// so a fault test can kill -9 it mid-import as a crash or a power cut would.
const [dir, folder] = process.argv.slice(2)
if (!dir || !folder) throw new Error('usage: core-process.ts <dir> <folder>')
const core = testCore(dir)
core.router
  .dispatch('library:import', { paths: [folder], urls: [] })
  .then(() => console.log('importing'))
  .catch((error: unknown) => {
    console.error('the import could not start', error)
    process.exit(1)
  })
