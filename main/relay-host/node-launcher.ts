import { fork } from 'node:child_process'
import type { Logger } from 'pino'
import type { UtilityProcessLauncher } from './launcher'
import { relayProcessEnvironment } from './relay-environment'
import { relayNodeFlags } from '../../server/node-flags'

export interface NodeLauncherOptions {
  /** The relay process entry: the built `relay-process.mjs`, or `entry.ts` with `execArgv: ['--import', 'tsx']`. */
  readonly entry: string
  /** Node flags besides the relay's own (`relayNodeFlags`, always given). */
  readonly execArgv?: readonly string[]
  readonly env?: NodeJS.ProcessEnv
  /** Where the child's log lines go; default: this process's stdout and stderr. */
  readonly stdio?: 'inherit' | 'ignore'
  readonly logger: Logger
}

/** Runs the relay process with `child_process.fork`, talking over Node's IPC channel. */
export class NodeUtilityProcessLauncher implements UtilityProcessLauncher {
  constructor(private readonly options: NodeLauncherOptions) {}

  launch() {
    const child = fork(this.options.entry, [], {
      execArgv: [...relayNodeFlags, ...(this.options.execArgv ?? [])],
      env: relayProcessEnvironment(this.options.env ?? process.env),
      stdio: [this.options.stdio ?? 'inherit', this.options.stdio ?? 'inherit', this.options.stdio ?? 'inherit', 'ipc']
    })
    // A send to a process that just died fails asynchronously; the exit listener reports the death.
    child.on('error', (error) => this.options.logger.warn({ err: error, pid: child.pid }, 'relay process channel error'))
    return {
      pid: child.pid,
      postMessage: (command: unknown) => {
        if (child.connected) child.send(command as object)
      },
      onMessage: (listener: (message: unknown) => void) => child.on('message', listener),
      onExit: (listener: (code: number | null) => void) => child.once('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL')
    }
  }
}
