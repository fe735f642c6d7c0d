/**
 * CPU time of the browser's renderer processes (Chrome DevTools `SystemInfo.getProcessInfo`): a
 * figure that other work on a shared machine disturbs far less than elapsed time.
 */
import type { Browser } from '@playwright/test'

/** Cumulative CPU seconds of each renderer process, by process id. */
export const rendererCpuSeconds = async (browser: Browser): Promise<Map<number, number>> => {
  const session = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; id: number; cpuTime: number }>
    }
    return new Map(processInfo.filter((process) => process.type === 'renderer').map((process) => [process.id, process.cpuTime]))
  } finally {
    await session.detach()
  }
}

/** The CPU milliseconds each renderer used between two readings, busiest first (the pages measured). */
export const busiestRenderersMs = (before: Map<number, number>, after: Map<number, number>): number[] =>
  [...after]
    .map(([id, seconds]) => (seconds - (before.get(id) ?? 0)) * 1000)
    .sort((a, b) => b - a)
    .map((ms) => Math.round(ms))
