/** Messages between `run.ts` and its load-generator processes (`load-worker.ts`). */

/** One document of the load: where its writer, its probe and each listener connect. */
export interface DocumentPlan {
  readonly name: string
  readonly writerUrl: string
  readonly probeUrl: string
  readonly listenerUrls: readonly string[]
}

export type WorkerRequest =
  | { readonly op: 'connect'; readonly plans: readonly DocumentPlan[] }
  | { readonly op: 'run'; readonly seconds: number; readonly updatesPerSecond: number }
  | { readonly op: 'close' }

export type WorkerReply =
  | { readonly op: 'connected'; readonly connections: number }
  | {
      readonly op: 'ran'
      readonly latenciesMs: number[]
      readonly sent: number
      readonly seen: number
      readonly mismatched: string[]
      readonly listenerFrames: number
      readonly droppedListeners: number
    }
  | { readonly op: 'closed' }
  | { readonly op: 'failed'; readonly message: string }
