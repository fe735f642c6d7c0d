/**
 * A load-generator process forked by `run.ts`. For each document of its share it holds one writer
 * and one latency probe (stock y-websocket clients) and many listeners (bare sockets that only
 * receive), each on the instance the plan names. Writer and probe live in this process, so the
 * writer-to-probe latency is read off one clock.
 */
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocumentPlan, WorkerReply, WorkerRequest } from './protocol'

process.setMaxListeners(0)

interface DocumentLoad {
  readonly plan: DocumentPlan
  readonly writer: { doc: Y.Doc; provider: WebsocketProvider }
  readonly probe: { doc: Y.Doc; provider: WebsocketProvider }
  readonly listeners: WebSocket[]
  readonly sentAt: Map<number, number>
  readonly latencies: number[]
  sent: number
}

const documents: DocumentLoad[] = []
let listenerFrames = 0
let droppedListeners = 0

const provider = (url: string, room: string, doc: Y.Doc): WebsocketProvider =>
  new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500
  })

const synced = (p: WebsocketProvider): Promise<void> =>
  p.synced ? Promise.resolve() : new Promise((resolve) => p.once('sync', () => resolve()))

/** A listener: connects, asks for the document (sync step 1 with an empty state vector), then only counts frames. */
const listen = (url: string, room: string): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}/${encodeURIComponent(room)}`, { perMessageDeflate: false })
    socket.binaryType = 'nodebuffer'
    socket.once('open', () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0) // sync
      encoding.writeVarUint(encoder, 0) // step 1
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
      socket.send(encoding.toUint8Array(encoder))
      resolve(socket)
    })
    socket.once('error', reject)
    socket.on('message', () => listenerFrames++)
    socket.on('close', (code) => {
      if (code !== 1000 && code !== 1005) droppedListeners++
    })
  })

/** Runs `work` over `items` with at most `limit` at once, so thousands of sockets do not open in one burst. */
const inBatches = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!)
    })
  )
}

const connect = async (plans: readonly DocumentPlan[]): Promise<WorkerReply> => {
  for (const plan of plans) {
    const writerDoc = new Y.Doc()
    const probeDoc = new Y.Doc()
    const load: DocumentLoad = {
      plan,
      writer: { doc: writerDoc, provider: provider(plan.writerUrl, plan.name, writerDoc) },
      probe: { doc: probeDoc, provider: provider(plan.probeUrl, plan.name, probeDoc) },
      listeners: [],
      sentAt: new Map(),
      latencies: [],
      sent: 0
    }
    probeDoc.getArray<number>('ticks').observe((event) => {
      const now = performance.now()
      for (const delta of event.changes.delta) {
        for (const seq of (delta.insert as number[] | undefined) ?? []) {
          const sentAt = load.sentAt.get(seq)
          if (sentAt !== undefined) load.latencies.push(now - sentAt)
        }
      }
    })
    documents.push(load)
  }
  await Promise.all(documents.flatMap((d) => [synced(d.writer.provider), synced(d.probe.provider)]))
  const listeners = documents.flatMap((d) => d.plan.listenerUrls.map((url) => ({ d, url })))
  await inBatches(listeners, 50, async ({ d, url }) => {
    d.listeners.push(await listen(url, d.plan.name))
  })
  return { op: 'connected', connections: documents.length * 2 + listeners.length }
}

const run = async (seconds: number, updatesPerSecond: number): Promise<WorkerReply> => {
  const interval = 1000 / updatesPerSecond
  const until = performance.now() + seconds * 1000
  await Promise.all(
    documents.map(async (d) => {
      // Spread the writers over the interval instead of firing all at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * interval))
      const ticks = d.writer.doc.getArray<number>('ticks')
      let due = performance.now()
      while (performance.now() < until) {
        const seq = d.sent++
        d.sentAt.set(seq, performance.now())
        ticks.push([seq])
        // Hold the rate on a fixed schedule; when behind, carry on from now rather than burst.
        due += interval
        const wait = due - performance.now()
        if (wait < 0) due = performance.now()
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)))
      }
    })
  )
  // Let the last updates arrive (bounded).
  const deadline = performance.now() + 30_000
  while (performance.now() < deadline && documents.some((d) => d.latencies.length < d.sent)) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return {
    op: 'ran',
    latenciesMs: documents.flatMap((d) => d.latencies),
    sent: documents.reduce((sum, d) => sum + d.sent, 0),
    seen: documents.reduce((sum, d) => sum + d.latencies.length, 0),
    mismatched: documents
      .filter((d) => JSON.stringify(d.probe.doc.getArray('ticks').toJSON()) !== JSON.stringify(d.writer.doc.getArray('ticks').toJSON()))
      .map((d) => d.plan.name),
    listenerFrames,
    droppedListeners
  }
}

const close = (): WorkerReply => {
  for (const d of documents.splice(0)) {
    d.writer.provider.destroy()
    d.probe.provider.destroy()
    for (const socket of d.listeners) socket.close(1000)
  }
  return { op: 'closed' }
}

process.on('message', (request: WorkerRequest) => {
  const reply =
    request.op === 'connect' ? connect(request.plans) : request.op === 'run' ? run(request.seconds, request.updatesPerSecond) : Promise.resolve(close())
  reply.then(
    (message) => process.send?.(message),
    (error: unknown) => process.send?.({ op: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  )
})
process.on('disconnect', () => process.exit(0))
