/**
 * Test support: a small real filesystem (a tmpfs of a few MiB) that a test fills to the last byte
 * and frees again, to see what storage does when the disk is full. Imported by tests only.
 */
import { execFile } from 'node:child_process'
import { open, mkdtemp, rm, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface SmallDisk {
  /** The mount point; everything under it shares the disk's few MiB. */
  readonly path: string
  /** Writes a filler file until the filesystem refuses with ENOSPC; returns the bytes it took. */
  fill(): Promise<number>
  /** Removes the filler file, giving its space back. */
  free(): Promise<void>
  /** Bytes still free. */
  available(): Promise<number>
  unmount(): Promise<void>
}

/**
 * Mounts a tmpfs of `bytes` on a new temporary folder. Mounting needs root (CAP_SYS_ADMIN), which
 * CI and the project's test machines have; elsewhere this fails and says so.
 */
export const mountSmallDisk = async (bytes: number): Promise<SmallDisk> => {
  const path = await mkdtemp(join(tmpdir(), 'ensemble-small-disk-'))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', path])
  } catch (error) {
    await rm(path, { recursive: true, force: true })
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? String(error)
    throw new Error(
      `cannot mount a ${bytes}-byte tmpfs for the disk-full test (${stderr}); run the tests as root (sudo npm test), as CI does`,
      { cause: error }
    )
  }
  const filler = join(path, 'filler')
  return {
    path,
    fill: async () => {
      const file = await open(filler, 'a')
      const chunk = Buffer.alloc(64 * 1024, 0x5a)
      let written = 0
      try {
        // Halve the chunk on ENOSPC, so that the last free bytes are taken too.
        for (let size = chunk.length; size >= 1; ) {
          try {
            const { bytesWritten } = await file.write(chunk, 0, size)
            written += bytesWritten
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
            size = Math.floor(size / 2)
          }
        }
      } finally {
        await file.close()
      }
      return written
    },
    free: () => rm(filler, { force: true }),
    available: async () => {
      const stats = await statfs(path)
      return stats.bavail * stats.bsize
    },
    unmount: async () => {
      await run('umount', ['-l', path])
      await rm(path, { recursive: true, force: true })
    }
  }
}
