/** Small promise helpers shared by the benchmark's clients. */

/** Resolves or rejects with `promise`, or rejects with "`what` did not finish within `ms` ms". */
export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)
    })
  ])
}

/** Runs `tasks` with at most `limit` in flight; resolves when all have settled. */
export const runLimited = async (tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> => {
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!()
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane))
}
