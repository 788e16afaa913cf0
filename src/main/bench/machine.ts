import { availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os'
import sharp from 'sharp'
import type { MachineInfo } from '@shared/contract/bench'

/**
 * The machine and software a run is measured on, read as it begins (the load average then is
 * what a reader needs to judge a loaded machine's figures).
 */
export function machineInfo(appVersion: string | null): MachineInfo {
  const versions = process.versions as NodeJS.ProcessVersions & {
    electron?: string
    chrome?: string
  }
  const [one = 0, five = 0, fifteen = 0] = loadavg()
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() || 'unknown',
    memoryMb: Math.round(totalmem() / (1024 * 1024)),
    os: `${osType()} ${release()}`,
    arch: process.arch,
    loadAverage: [one, five, fifteen],
    appVersion,
    versions: {
      node: versions.node,
      electron: versions.electron ?? null,
      chromium: versions.chrome ?? null,
      v8: versions.v8,
      vips: sharp.versions.vips ?? null,
      sharp: sharp.versions.sharp ?? null
    }
  }
}
