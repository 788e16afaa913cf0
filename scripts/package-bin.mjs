import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** A package's bin file, found next to its package.json (package exports may hide the file). */
export function packageBin(packageName, binName = packageName) {
  const pkgFile = require.resolve(`${packageName}/package.json`)
  return join(dirname(pkgFile), require(pkgFile).bin[binName])
}
