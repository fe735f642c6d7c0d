import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RelayStatus } from '../../app/ipc'
import { exitCodeStartFailed, type RelayCommand } from '../relay-process/protocol'
import type { RelayChildProcess, UtilityProcessLauncher } from './launcher'
import { RelayHostService } from './relay-host-service'

/**
 * Relay processes that follow a script: each launch takes the next behaviour. Real processes are
 * covered by `relay-host-service.test.ts`; this drives the restart policy through its timers.
 */
class ScriptedLauncher implements UtilityProcessLauncher {
  readonly commands: RelayCommand[][] = []
  readonly children: RelayChildProcess[] = []
  constructor(private readonly script: Array<'listen' | 'fail-start' | 'crash'>) {}
  launch(): RelayChildProcess {
    const behaviour = this.script.shift() ?? 'listen'
    const received: RelayCommand[] = []
    this.commands.push(received)
    let onMessage: (message: unknown) => void = () => {}
    let onExit: (code: number | null) => void = () => {}
    const child: RelayChildProcess = {
      pid: this.commands.length,
      postMessage: (command) => {
        received.push(command)
        queueMicrotask(() => {
          if (command.type !== 'start') return
          if (behaviour === 'listen') onMessage({ type: 'listening', url: 'ws://127.0.0.1:4999', port: 4999 })
          else if (behaviour === 'fail-start') {
            onMessage({ type: 'error', during: 'start', message: 'The document store in /data is damaged: the file was cut short.' })
            onExit(exitCodeStartFailed)
          }
          else onExit(null)
        })
      },
      onMessage: (listener) => (onMessage = listener),
      onExit: (listener) => (onExit = listener),
      kill: () => onExit(null)
    }
    this.children.push(child)
    return child
  }
}

describe('RelayHostService restart policy', () => {
  let statuses: RelayStatus[]
  beforeEach(() => {
    vi.useFakeTimers()
    statuses = []
  })
  afterEach(() => vi.useRealTimers())

  const service = (launcher: ScriptedLauncher, maxRestarts = 6) => {
    const host = new RelayHostService(launcher, pino({ level: 'silent' }), {
      config: { dataDir: null, webRoot: null },
      restartDelayMs: 100,
      maxRestartDelayMs: 1000,
      maxRestarts,
      stableAfterMs: 30_000
    })
    host.onDidChangeStatus((status) => statuses.push(status))
    return host
  }

  it('backs off exponentially between restarts, up to the maximum delay', async () => {
    const launcher = new ScriptedLauncher(['crash', 'crash', 'fail-start', 'crash', 'crash', 'listen'])
    const listening = service(launcher).start()
    await vi.runAllTimersAsync()
    expect(await listening).toBe('ws://127.0.0.1:4999')
    expect(statuses.filter((status) => status.state === 'restarting')).toEqual([
      { state: 'restarting', attempt: 1, delayMs: 100 },
      { state: 'restarting', attempt: 2, delayMs: 200 },
      { state: 'restarting', attempt: 3, delayMs: 400 },
      { state: 'restarting', attempt: 4, delayMs: 800 },
      { state: 'restarting', attempt: 5, delayMs: 1000 }
    ])
    expect(statuses.find((status) => status.state === 'crashed' && status.exitCode === exitCodeStartFailed)).toMatchObject({
      reason: 'the relay could not start: The document store in /data is damaged: the file was cut short.'
    })
    // Every launch asks for the port of the previous one (0 until one listened).
    expect(launcher.commands.map((commands) => (commands[0]?.type === 'start' ? commands[0].config.port : null))).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('gives up after too many crashes in a row and says why', async () => {
    const listening = service(new ScriptedLauncher(['crash', 'crash', 'crash']), 2).start()
    const rejected = expect(listening).rejects.toThrow(/gave up after 2 restarts in a row/)
    await vi.runAllTimersAsync()
    await rejected
    expect(statuses.at(-1)).toEqual({ state: 'stopped', reason: 'the relay process was killed; gave up after 2 restarts in a row' })
  })

  it('forgets old crashes once the relay has stayed up for a while', async () => {
    const launcher = new ScriptedLauncher(['crash', 'listen', 'listen'])
    const host = service(launcher)
    const started = host.start()
    await vi.runAllTimersAsync()
    await started
    await vi.advanceTimersByTimeAsync(30_000)
    statuses.length = 0
    // The listening process dies: the first restart waits the first delay again.
    launcher.commands.length = 0
    launcher.children.at(-1)!.kill()
    expect(statuses.slice(0, 2)).toEqual([
      { state: 'crashed', exitCode: null, reason: 'the relay process was killed' },
      { state: 'restarting', attempt: 1, delayMs: 100 }
    ])
    await vi.runAllTimersAsync()
    expect(launcher.commands[0]?.[0]).toMatchObject({ type: 'start', config: { port: 4999 } })
  })
})
