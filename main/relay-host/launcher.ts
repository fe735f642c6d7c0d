import type { RelayCommand } from '../relay-process/protocol'

/** One running relay process, as the main process sees it. */
export interface RelayChildProcess {
  readonly pid: number | undefined
  postMessage(command: RelayCommand): void
  /** Messages from the process, unchecked: `RelayHostService` validates them. */
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the process has ended, with its exit code (`null` when killed by a signal). */
  onExit(listener: (code: number | null) => void): void
  /** Ends the process at once (SIGKILL or Electron's `kill()`). */
  kill(): void
}

/**
 * Starts relay processes running `main/relay-process/entry`: Electron's `utilityProcess` in the
 * app, `child_process.fork` under Node.
 */
export interface UtilityProcessLauncher {
  launch(): RelayChildProcess
}
