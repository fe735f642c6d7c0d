/**
 * Test support: writers that type countable tokens (`[w0:17]`) into their documents at a steady
 * pace, connected or not, so that a test can tell exactly which keystrokes survived a fault.
 * Imported by tests only.
 */
import type { TestClient } from './harness'
import { waitFor } from './harness'

/** Every token in `text`, in document order. */
export const tokensIn = (text: string): string[] => text.match(/\[w\d+:\d+\]/g) ?? []

export interface Typists {
  /** Every token typed so far, in the order typed. */
  readonly typed: readonly string[]
  /** Resolves once `count` more tokens have been typed. */
  typeMore(count: number, timeoutMs?: number): Promise<void>
  stop(): void
}

/** Starts one typist per writer, each typing a token every `intervalMs`; a third at the start, the rest at the end. */
export const startTypists = (writers: readonly TestClient[], intervalMs = 15): Typists => {
  const typed: string[] = []
  let typing = true
  const timers = writers.map((writer, i) => {
    let count = 0
    return setInterval(() => {
      if (!typing) return
      const token = `[w${i}:${count++}]`
      writer.text.insert(count % 3 === 0 ? 0 : writer.text.length, token)
      typed.push(token)
    }, intervalMs)
  })
  return {
    typed,
    typeMore: (count, timeoutMs = 20_000) => {
      const target = typed.length + count
      return waitFor(() => typed.length >= target, `the writers to type ${count} more tokens`, timeoutMs)
    },
    stop: () => {
      typing = false
      timers.forEach(clearInterval)
    }
  }
}
