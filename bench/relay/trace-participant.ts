/**
 * One end of the trace scenario in a load-generator process: the writer replays the editing trace
 * keystroke by keystroke through a stock provider; the receiver waits until its copy is complete.
 */
import * as Y from 'yjs'
import { connectClient, whenSynced, type TestClient } from '../../server/testing/harness'
import { applyEdit, loadTrace, type TraceEdit } from './trace'
import type { TraceJoinRequest, TraceRunRequest, TraceRunResult } from './worker-protocol'

/** Keystrokes applied between two yields to the event loop, so that the socket keeps draining. */
const editsPerTurn = 500

export class TraceParticipant {
  private dropped = 0

  private constructor(
    private readonly client: TestClient,
    private readonly role: TraceJoinRequest
  ) {}

  /** Connects and syncs; the writer also loads the trace first, so that loading is not timed. */
  static async join(request: TraceJoinRequest): Promise<{ participant: TraceParticipant; edits: readonly TraceEdit[] }> {
    let edits: readonly TraceEdit[] = []
    const doc = new Y.Doc()
    if (request.role === 'writer') {
      const trace = await loadTrace(request.tracePath)
      edits = request.editLimit === null ? trace.edits : trace.edits.slice(0, request.editLimit)
      doc.clientID = request.clientId
    }
    const client = connectClient(request.url, request.room, { doc })
    const participant = new TraceParticipant(client, request)
    client.provider.on('connection-close', () => participant.dropped++)
    await whenSynced(client)
    return { participant, edits }
  }

  async run(request: TraceRunRequest, edits: readonly TraceEdit[]): Promise<TraceRunResult> {
    return this.role.role === 'writer' ? this.write(edits) : this.receive(request.timeoutMs)
  }

  leave(): void {
    this.client.destroy()
  }

  private async write(edits: readonly TraceEdit[]): Promise<TraceRunResult> {
    for (let i = 0; i < edits.length; i++) {
      applyEdit(this.client.text, edits[i]!)
      if (i % editsPerTurn === editsPerTurn - 1) await new Promise((resolve) => setImmediate(resolve))
    }
    return { edits: edits.length, complete: true, droppedConnections: this.dropped }
  }

  private receive(timeoutMs: number): Promise<TraceRunResult> {
    if (this.role.role !== 'receiver') throw new Error('receive() called on the trace writer')
    const { expectedText, writerClientId, expectedClock } = this.role
    const { doc, text } = this.client
    // Every insertion present (the writer's clock) and the same text means every deletion too.
    const complete = (): boolean =>
      text.length === expectedText.length &&
      Y.getState(doc.store, writerClientId) === expectedClock &&
      text.toString() === expectedText
    return new Promise((resolve) => {
      const finish = (done: boolean): void => {
        clearTimeout(timer)
        doc.off('update', onUpdate)
        resolve({ edits: 0, complete: done, droppedConnections: this.dropped })
      }
      const onUpdate = (): void => {
        if (complete()) finish(true)
      }
      const timer = setTimeout(() => finish(false), timeoutMs)
      doc.on('update', onUpdate)
      if (complete()) finish(true)
    })
  }
}
