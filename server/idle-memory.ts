import type { Logger } from 'pino'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { trimNativeHeap } from './native-heap'

/** V8's collector as `--expose-gc` exposes it: called without options, a full collection that also shrinks the heap. */
type Collect = () => void

let collector: Collect | null | undefined

/**
 * The garbage collector, exposed on demand: `--expose-gc` set at run time only reaches contexts
 * created afterwards, hence the fresh one. `null` where the flag cannot be set.
 */
export const memoryReducingCollector = (): Collect | null => {
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
 * short. (The options form, `gc({ type: 'major' })`, does not shrink the heap on Node 20.) Then
 * glibc is asked to return the C heap's free pages, where the freed ArrayBuffers of sockets and
 * frames lay. What it cannot give back is the young generation: V8 keeps both semi-spaces at the
 * size the load grew them to (up to 2 × 16 MiB), and no run-time call shrinks them.
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
   * Runs the collection and the C heap trim now. Returns V8's heap size before and after, in bytes,
   * and whether glibc released memory (`null` where it cannot be asked). V8's freed pages leave the
   * resident set a moment later, when its background thread unmaps them.
   */
  reclaim(): { heapBefore: number; heapAfter: number; nativeHeapTrimmed: boolean | null } {
    const heapBefore = process.memoryUsage().heapTotal
    const collect = memoryReducingCollector()
    // What the first pass freed can release more (weak maps, finalized buffers): a second pass takes it.
    collect?.()
    collect?.()
    const heapAfter = process.memoryUsage().heapTotal
    // After the collections, so that the ArrayBuffers they freed are among the pages returned.
    const nativeHeapTrimmed = trimNativeHeap()
    this.logger.debug(
      { heapMiBBefore: mebibytes(heapBefore), heapMiBAfter: mebibytes(heapAfter), nativeHeapTrimmed },
      'idle: gave memory back'
    )
    return { heapBefore, heapAfter, nativeHeapTrimmed }
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
