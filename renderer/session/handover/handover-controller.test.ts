import { ObservableV2 } from 'lib0/observable'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DocumentTarget } from '../../../app/bridge'
import type { ConnectionState } from '../connection-monitor'
import type { ContinuationTarget } from './continuations'
import { HandoverController, type HandoverSession } from './handover-controller'

class FakeSession implements HandoverSession {
  target: DocumentTarget = { relayUrl: 'wss://192.168.1.20:4455', documentName: 'notes' }
  readonly moves: DocumentTarget[] = []
  readonly connection = Object.assign(new ObservableV2<{ change: (state: ConnectionState) => void }>(), {
    state: { state: 'connected' } as ConnectionState
  })

  moveTo(next: DocumentTarget): void {
    this.target = next
    this.moves.push(next)
  }

  report(state: ConnectionState): void {
    this.connection.state = state
    this.connection.emit('change', [state])
  }
}

const hosted: ContinuationTarget = { place: 'relay', relayUrl: 'wss://relay.example.com', documentName: 'team/notes' }
const here: ContinuationTarget = { place: 'this-computer', relayUrl: 'ws://127.0.0.1:5000', documentName: 'handover/x/notes', local: true }

describe('HandoverController', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const start = (admitted: Set<string>, continuations = [hosted, here]) => {
    const session = new FakeSession()
    const probed: string[] = []
    const controller = new HandoverController(session, {
      continuations: async () => continuations,
      hostName: () => 'Ana Lima',
      probe: async (target) => {
        probed.push(target.relayUrl)
        return admitted.has(target.relayUrl)
      },
      now: () => Date.now(),
      hostCheckMs: 1_000
    })
    return { session, controller, probed }
  }

  it('moves to the first place that admits the session when the host closes with 1001, and offers to return once the host is back', async () => {
    const admitted = new Set(['ws://127.0.0.1:5000'])
    const { session, controller, probed } = start(admitted)
    session.report({ state: 'offline', nextRetryAt: Date.now() + 500, closeCode: 1001 })
    await vi.waitFor(() => expect(controller.state.kind).toBe('moved'))
    expect(probed).toEqual(['wss://relay.example.com', 'ws://127.0.0.1:5000'])
    expect(session.moves).toEqual([here])
    expect(controller.state).toEqual({ kind: 'moved', place: 'this-computer', relayUrl: 'ws://127.0.0.1:5000', hostName: 'Ana Lima', hostBack: false })

    await vi.advanceTimersByTimeAsync(1_000)
    expect(controller.state).toMatchObject({ hostBack: false })
    admitted.add('wss://192.168.1.20:4455')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(controller.state).toMatchObject({ kind: 'moved', hostBack: true })

    controller.returnToHost()
    expect(session.moves.at(-1)).toEqual({ relayUrl: 'wss://192.168.1.20:4455', documentName: 'notes' })
    expect(controller.state).toEqual({ kind: 'returned', relayUrl: 'ws://127.0.0.1:5000' })
    controller.destroy()
  })

  it('moves an unreachable host only past the rule, also when an attempt hangs', async () => {
    const { session, controller } = start(new Set(['wss://relay.example.com']))
    for (let attempt = 0; attempt < 3; attempt++) {
      session.report({ state: 'offline', nextRetryAt: null, closeCode: 1006 })
      session.report({ state: 'connecting' })
    }
    expect(controller.state.kind).toBe('with-host')
    // The fourth attempt hangs; the 10 s limit passes without another state.
    await vi.advanceTimersByTimeAsync(10_000)
    await vi.waitFor(() => expect(controller.state).toMatchObject({ kind: 'moved', place: 'relay', relayUrl: 'wss://relay.example.com' }))
    controller.destroy()
  })

  it('stays with the host while no place admits the session, and tries again at the next failure', async () => {
    const admitted = new Set<string>()
    const { session, controller, probed } = start(admitted, [hosted])
    session.report({ state: 'offline', nextRetryAt: null, closeCode: 1001 })
    await vi.waitFor(() => expect(probed).toHaveLength(1))
    await vi.advanceTimersByTimeAsync(0)
    expect(controller.state.kind).toBe('with-host')
    admitted.add('wss://relay.example.com')
    session.report({ state: 'offline', nextRetryAt: null, closeCode: 1006 })
    await vi.waitFor(() => expect(controller.state.kind).toBe('moved'))
    controller.destroy()
  })

  it('does not move when the host answers again while the places are asked', async () => {
    const session = new FakeSession()
    let answer: ((admitted: boolean) => void) | undefined
    const controller = new HandoverController(session, {
      continuations: async () => [hosted],
      probe: () => new Promise((resolve) => (answer = resolve))
    })
    session.report({ state: 'offline', nextRetryAt: null, closeCode: 1001 })
    await vi.waitFor(() => expect(answer).not.toBeUndefined())
    session.report({ state: 'connected' })
    answer!(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(session.moves).toEqual([])
    expect(controller.state.kind).toBe('with-host')
    controller.destroy()
  })
})
