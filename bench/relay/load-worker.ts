/**
 * Entry point of a load-generator process, forked by `worker-pool.ts`. It owns the clients of its
 * share of the documents and answers the benchmark's requests one at a time over IPC.
 */
import { LoadClients } from './load-clients'
import { TraceParticipant } from './trace-participant'
import type { TraceEdit } from './trace'
import type { WorkerMessage, WorkerRequest } from './worker-protocol'

// Every y-websocket provider adds a process 'exit' listener; a worker may hold a thousand.
process.setMaxListeners(0)

const send = (message: WorkerMessage): void => {
  process.send?.(message)
}
const progress = (text: string): void => send({ kind: 'progress', text })

let load: LoadClients | undefined
let trace: { participant: TraceParticipant; edits: readonly TraceEdit[] } | undefined

const handle = async (request: WorkerRequest): Promise<unknown> => {
  switch (request.op) {
    case 'connect':
      load = new LoadClients(progress)
      return load.connect(request)
    case 'run':
      if (load === undefined) throw new Error('run before connect')
      return load.run(request)
    case 'disconnect': {
      const result = (await load?.disconnect(request.timeoutMs)) ?? { closed: 0 }
      load = undefined
      return result
    }
    case 'trace-join':
      trace = await TraceParticipant.join(request)
      return { ready: true }
    case 'trace-run':
      if (trace === undefined) throw new Error('trace-run before trace-join')
      return trace.participant.run(request, trace.edits)
    case 'trace-leave':
      trace?.participant.leave()
      trace = undefined
      return { closed: true }
    default:
      throw new Error(`unknown request ${JSON.stringify(request)}`)
  }
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  handle(message.request).then(
    (result) => send({ kind: 'result', id: message.id, result }),
    (error: unknown) => send({ kind: 'error', id: message.id, message: error instanceof Error ? error.stack ?? error.message : String(error) })
  )
})
// The benchmark going away (even killed) closes the IPC channel: leave with it.
process.on('disconnect', () => process.exit(0))
send({ kind: 'ready' })
