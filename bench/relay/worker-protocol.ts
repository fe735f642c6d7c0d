/** Messages between the benchmark and its load-generator processes (`load-worker.ts`). */

/** One document of a load: its writer and probe are always created; `listeners` is how many listeners join. */
export interface DocumentPlan {
  readonly name: string
  readonly listeners: number
}

export interface ConnectRequest {
  readonly op: 'connect'
  readonly url: string
  readonly documents: readonly DocumentPlan[]
  /** Connections opening at once in this worker. */
  readonly concurrency: number
  readonly timeoutMs: number
}

export interface ConnectResult {
  readonly connected: number
  readonly failed: number
  readonly firstFailure: string | null
}

export interface RunRequest {
  readonly op: 'run'
  /**
   * Seconds of writing before the measured `seconds`, in the same run without a pause: updates
   * sent in it are reported apart, in `warmUp`.
   */
  readonly warmupSeconds: number
  readonly seconds: number
  readonly updatesPerSecond: number
  /** How long to wait, after the last write, for every probe to see every update. */
  readonly drainTimeoutMs: number
}

/** The updates sent in one phase of a run and the writer-to-probe latency, in ms, of each a probe saw. */
export interface PhaseLatencies {
  readonly latenciesMs: number[]
  readonly updatesSent: number
  readonly updatesSeen: number
}

/** A run's figures; all but `warmUp` and the final comparison cover the measured seconds only. */
export interface RunResult extends PhaseLatencies {
  readonly warmUp: PhaseLatencies
  /** Documents whose probe did not end identical to its writer (text and state vector). */
  readonly mismatchedDocuments: string[]
  /** How late the writers fired behind their schedule: a large figure means the generator was saturated. */
  readonly scheduleLagMs: { readonly p99: number; readonly max: number }
  readonly listenerUpdateFrames: { readonly min: number; readonly max: number; readonly total: number }
  readonly listenerAwarenessFrames: number
  readonly listenerBytes: number
  /** Connections the relay closed or that broke since the clients connected (the warm-up included). */
  readonly droppedConnections: number
  readonly firstDrop: string | null
}

export interface DisconnectRequest {
  readonly op: 'disconnect'
  readonly timeoutMs: number
}

export interface DisconnectResult {
  readonly closed: number
}

export type TraceJoinRequest = {
  readonly op: 'trace-join'
  readonly url: string
  readonly room: string
} & (
  | {
      readonly role: 'writer'
      readonly tracePath: string
      /** Send only the first `editLimit` edits (a quick run); `null` for the whole trace. */
      readonly editLimit: number | null
      /** The writer's Yjs client id, so that the receiver knows whose clock to watch. */
      readonly clientId: number
    }
  | {
      readonly role: 'receiver'
      readonly expectedText: string
      readonly writerClientId: number
      /** The writer's clock after the last edit: the number of characters it inserted. */
      readonly expectedClock: number
    }
)

export interface TraceRunRequest {
  readonly op: 'trace-run'
  /** For the receiver: give up after this long. */
  readonly timeoutMs: number
}

export interface TraceRunResult {
  /** Edits applied and sent (writer); 0 for the receiver. */
  readonly edits: number
  /** The receiver's document ended with the expected text and every insertion; always true for the writer. */
  readonly complete: boolean
  readonly droppedConnections: number
}

export type WorkerRequest = ConnectRequest | RunRequest | DisconnectRequest | TraceJoinRequest | TraceRunRequest | { readonly op: 'trace-leave' }

export interface WorkerResults {
  connect: ConnectResult
  run: RunResult
  disconnect: DisconnectResult
  'trace-join': { readonly ready: true }
  'trace-run': TraceRunResult
  'trace-leave': { readonly closed: true }
}

/** What a worker sends: that it is ready, the answer to request `id`, its failure, or a progress line for stderr. */
export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'result'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly message: string }
  | { readonly kind: 'progress'; readonly text: string }
