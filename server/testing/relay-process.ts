/**
 * Test support: the relay's command line (`npm run relay`) as a child process, for tests that need a
 * real process to stop, kill or restart. Imported by tests only.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'

const cliArgs = ['--import', 'tsx', 'server/cli.ts']

export interface RelayProcess {
  readonly child: ChildProcess
  /** The URL from the relay's "listening" log line. */
  readonly url: string
  /** Every log line so far. */
  readonly lines: string[]
  /** Resolves with the exit code, or the signal that ended the process. */
  readonly exited: Promise<number | NodeJS.Signals>
}

/** Starts the relay with `args` and resolves once it logs that it listens. */
export const startRelayProcess = async (args: string[], env: Record<string, string> = {}): Promise<RelayProcess> => {
  const child = spawn(process.execPath, [...cliArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  const lines: string[] = []
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1))
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line)
      const entry = JSON.parse(line) as { msg?: string; url?: string }
      if (entry.msg?.startsWith('relay listening') === true && entry.url !== undefined) resolve(entry.url)
    })
    void exited.then((code) => reject(new Error(`relay exited (${code}) before listening: ${stderr}${lines.join('\n')}`)))
  })
  return { child, url, lines, exited }
}

/** Runs the relay's command line to completion and returns what it printed. */
export const runRelayCommand = async (
  args: string[],
  env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...cliArgs, ...args], {
      env: { ...process.env, ...env }
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}
