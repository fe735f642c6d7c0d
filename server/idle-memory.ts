import type { Logger } from 'pino'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** V8's collector as `--expose-gc` exposes it: called without options, a full collection that also shrinks the heap. */
type Collect = () => void

let collector: Collect | null | undefined

/**
 * The garbage collector, exposed on demand: `--expose-gc` set at run time only reaches contexts
 * created afterwards, hence the fresh one. `null` where the flag cannot be set.
 */
const memoryReducingCollector = (): Collect | null => {
  if (collector !== undefined) return collector
  const exposed = (globalThis as { gc?: unknown }).gc
  try {
    if (typeof exposed !== 'function') setFlagsFromString('--expose-gc')
    const gc: unknown = typeof exposed === 'function' ? exposed : runInNewContext('gc')
    collector = typeof gc === 'function' ? (gc as Collect) : null
  } catch {
    collector = null
  }
  return collector
}

const mebibytes = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10

/**
 * Gives memory back to the operating system once the relay is idle. A load makes V8 grow its heap,
 * and V8 keeps those pages for the next burst; a relay that hosts nothing for a while (the desktop
 * app's background relay, most of the day) should not. Once `isIdle()` has held for `delayMs`, one
 * memory-reducing collection runs: with no document open there is little left to trace, so it is
 * short. (The options form, `gc({ type: 'major' })`, does not shrink the heap on Node 20.) What it
 * cannot give back is the young generation: V8 keeps both semi-spaces at the size the load grew
 * them to (up to 2 × 16 MiB), and no run-time call shrinks them.
 */
export class IdleMemoryReclaimer {
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly isIdle: () => boolean,
    private readonly logger: Logger,
    private readonly delayMs = 5_000
  ) {}

  /** Call when something closed: schedules a reclaim if the relay is now idle. */
  check(): void {
    if (this.timer !== undefined || !this.isIdle()) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (this.isIdle()) this.reclaim()
    }, this.delayMs)
    this.timer.unref()
  }

  /**
   * Runs the collection now and returns V8's heap size before and after, in bytes. The freed pages
   * leave the resident set a moment later, when V8's background thread unmaps them.
   */
  reclaim(): { heapBefore: number; heapAfter: number } | null {
    const collect = memoryReducingCollector()
    if (collect === null) return null
    const heapBefore = process.memoryUsage().heapTotal
    collect()
    // What the first pass freed can release more (weak maps, finalized buffers): a second pass takes it.
    collect()
    const heapAfter = process.memoryUsage().heapTotal
    this.logger.debug({ heapMiBBefore: mebibytes(heapBefore), heapMiBAfter: mebibytes(heapAfter) }, 'idle: gave memory back')
    return { heapBefore, heapAfter }
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
