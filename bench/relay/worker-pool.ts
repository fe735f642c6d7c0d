/** Forks the load-generator processes and sends them typed requests. */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { sampleProcess } from './proc-stats'
import type { WorkerMessage, WorkerRequest, WorkerResults } from './worker-protocol'

const workerEntry = fileURLToPath(new URL('./load-worker.ts', import.meta.url))

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

/** One forked load generator. */
export class LoadWorker {
  private nextId = 0
  private readonly pending = new Map<number, Pending>()
  /** Resolves once the worker has loaded its modules and listens for requests. */
  readonly ready: Promise<void>
  private markReady: () => void = () => {}

  private constructor(
    readonly index: number,
    private readonly child: ChildProcess,
    private readonly log: (text: string) => void
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.markReady = resolve
      child.once('exit', (code, signal) => reject(new Error(`load worker ${index} exited (code ${code}, signal ${signal}) while starting`)))
    })
    this.ready.catch(() => {})
    child.on('message', (message: WorkerMessage) => this.receive(message))
    child.once('exit', (code, signal) => {
      for (const { reject } of this.pending.values()) {
        reject(new Error(`load worker ${index} exited (code ${code}, signal ${signal}) during a request`))
      }
      this.pending.clear()
    })
  }

  /** Forks a worker; `log` receives its progress lines. */
  static start(index: number, log: (text: string) => void): LoadWorker {
    const child = fork(workerEntry, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced'
    })
    return new LoadWorker(index, child, log)
  }

  get pid(): number {
    return this.child.pid!
  }

  request<Op extends WorkerRequest['op']>(request: Extract<WorkerRequest, { op: Op }>): Promise<WorkerResults[Op]> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        reject(new Error(`load worker ${this.index} has exited; cannot send ${request.op}`))
        return
      }
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.child.send({ id, request })
    })
  }

  /** CPU seconds this worker has used so far. */
  async cpuSeconds(): Promise<number> {
    return (await sampleProcess(this.pid)).cpuSeconds
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve()
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    this.child.disconnect()
    return exited
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'ready') {
      this.markReady()
      return
    }
    if (message.kind === 'progress') {
      this.log(`worker ${this.index}: ${message.text}`)
      return
    }
    const pending = this.pending.get(message.id)
    if (pending === undefined) return
    this.pending.delete(message.id)
    if (message.kind === 'result') pending.resolve(message.result)
    else pending.reject(new Error(`load worker ${this.index}: ${message.message}`))
  }
}

/** `count` workers started together; `stop()` ends them all. */
export class WorkerPool {
  private constructor(readonly workers: readonly LoadWorker[]) {}

  /** Forks `count` workers and resolves once every one is ready for requests. */
  static async start(count: number, log: (text: string) => void): Promise<WorkerPool> {
    const pool = new WorkerPool(Array.from({ length: count }, (_, index) => LoadWorker.start(index, log)))
    try {
      await Promise.all(pool.workers.map((worker) => worker.ready))
    } catch (error) {
      await pool.stop()
      throw error
    }
    return pool
  }

  /** Sends each worker its own request and waits for every answer. */
  all<Op extends WorkerRequest['op']>(requests: Extract<WorkerRequest, { op: Op }>[]): Promise<WorkerResults[Op][]> {
    return Promise.all(requests.map((request, index) => this.workers[index]!.request(request)))
  }

  /** Process ids of the workers, for /proc. */
  get pids(): number[] {
    return this.workers.map((worker) => worker.pid)
  }

  async cpuSeconds(): Promise<number> {
    const each = await Promise.all(this.workers.map((worker) => worker.cpuSeconds().catch(() => 0)))
    return each.reduce((sum, seconds) => sum + seconds, 0)
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()))
  }
}
